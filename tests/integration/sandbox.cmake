# The sandbox's own tests: the server driven over HTTP with raw signed requests.
mim_add_test(test_sandbox
    SOURCES test_sandbox.cpp
    LIBS mim_sandbox mim_test_support
    LABELS integration sandbox
    TIMEOUT 120)

mim_add_test(test_sandbox_faults
    SOURCES test_sandbox_faults.cpp
    LIBS mim_sandbox mim_test_support
    LABELS integration sandbox
    TIMEOUT 120)

mim_add_test(test_sandbox_process
    SOURCES test_sandbox_process.cpp
    LIBS mim_sandbox mim_test_support
    LABELS integration sandbox
    TIMEOUT 120)
add_dependencies(test_sandbox_process modelarts-sandbox)
target_compile_definitions(test_sandbox_process PRIVATE
    MIM_SANDBOX_EXECUTABLE="$<TARGET_FILE:modelarts-sandbox>")

# The notebook, training job and service routes, and the usage index read from them with ApiClient.
mim_add_test(test_sandbox_usage
    SOURCES test_sandbox_usage.cpp test_api_client_helpers.h
    LIBS mim_sandbox mim_test_support Qt6::Network
    LABELS integration sandbox
    TIMEOUT 120)

# The SWR routes (/v2/manage/...) and their agreement with the ModelArts images.
mim_add_test(test_sandbox_swr
    SOURCES test_sandbox_swr.cpp
    LIBS mim_sandbox mim_test_support
    LABELS integration sandbox
    TIMEOUT 120)
