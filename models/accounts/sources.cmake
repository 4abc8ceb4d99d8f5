# Profiles (QSettings) and secrets (QtKeychain).
target_sources(mim_models PRIVATE
    accounts/Profile.h
    accounts/Profile.cpp
    accounts/SecretStore.h
    accounts/SecretStore.cpp
    accounts/SecretBackend.h
    accounts/KeychainBackend.cpp
    accounts/MemorySecretBackend.h
    accounts/MemorySecretBackend.cpp
)
