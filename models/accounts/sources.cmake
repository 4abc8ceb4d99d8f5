# Profiles (QSettings) and secrets (QtKeychain).
target_sources(mim_models PRIVATE
)
