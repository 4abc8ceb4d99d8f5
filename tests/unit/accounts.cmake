# Unit tests of accounts: profiles, the profile store, the secret store's logic, and the account widgets
# (over an in-memory secret backend; the real keychain is in tests/integration/test_keychain).
mim_add_test(test_profile SOURCES test_profile.cpp LIBS mim_models LABELS unit TIMEOUT 60)
mim_add_test(test_profile_dialog SOURCES test_profile_dialog.cpp LIBS mim_views mim_test_support LABELS unit gui TIMEOUT 120)
mim_add_test(test_profile_switcher SOURCES test_profile_switcher.cpp LIBS mim_views LABELS unit gui TIMEOUT 60)
