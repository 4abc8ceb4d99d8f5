# The application: its command line and logger (compiled in from app/), the executable run from outside
# (--self-test, options, --version), the real keychain, and a scan for leaked secrets.
set(MIM_APP_DIR ${PROJECT_SOURCE_DIR}/app)

mim_add_test(test_app_command_line
    SOURCES test_app_command_line.cpp ${MIM_APP_DIR}/CommandLine.cpp ${MIM_APP_DIR}/QtOptions.cpp
    LIBS mim_models
    LABELS integration app
    TIMEOUT 60)
target_include_directories(test_app_command_line PRIVATE ${MIM_APP_DIR})

mim_add_test(test_app_logging
    SOURCES test_app_logging.cpp ${MIM_APP_DIR}/Logging.cpp
    LIBS mim_models
    LABELS integration app
    TIMEOUT 60)
target_include_directories(test_app_logging PRIVATE ${MIM_APP_DIR})

mim_add_test(test_self_test
    SOURCES test_self_test.cpp
    LIBS mim_test_support mim_sandbox Qt6::Network
    LABELS integration app
    TIMEOUT 240)
target_compile_definitions(test_self_test PRIVATE
    MIM_APP_EXECUTABLE="$<TARGET_FILE:modelarts-image-manager>")
add_dependencies(test_self_test modelarts-image-manager)

# A real Secret Service round trip; skipped unless MIM_KEYCHAIN_AVAILABLE is set (./dev.sh test sets it).
mim_add_test(test_keychain
    SOURCES test_keychain.cpp
    LIBS mim_models
    LABELS integration keychain
    TIMEOUT 120)

mim_add_test(test_secrets_never_leak
    SOURCES test_secrets_never_leak.cpp
    LIBS mim_views mim_test_support mim_sandbox
    LABELS integration keychain
    TIMEOUT 180)

# One window per settings file, driven from outside with real processes.
mim_add_test(test_single_instance
    SOURCES test_single_instance.cpp
    LIBS Qt6::Core
    LABELS integration app
    TIMEOUT 240)
target_compile_definitions(test_single_instance PRIVATE
    MIM_APP_EXECUTABLE="$<TARGET_FILE:modelarts-image-manager>")
add_dependencies(test_single_instance modelarts-image-manager)

mim_add_test(test_app_paths
    SOURCES test_app_paths.cpp ${MIM_APP_DIR}/AppPaths.cpp
    LIBS mim_models
    LABELS integration app
    TIMEOUT 60)
target_include_directories(test_app_paths PRIVATE ${MIM_APP_DIR})
