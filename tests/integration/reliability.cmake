# Reliability and security: faults at scale, concurrent change, crash recovery, hostile responses, TLS

mim_add_test(test_reliability_faults
    SOURCES test_reliability_faults.cpp
    LIBS mim_models mim_sandbox mim_test_support Qt6::Network
    LABELS integration reliability
    TIMEOUT 120)

# A bulk delete in a child process, killed midway by test_crash_recovery.
qt_add_executable(mim-delete-worker mim_delete_worker.cpp)
target_link_libraries(mim-delete-worker PRIVATE mim_models mim_sandbox mim_common_cfg Qt6::Network)
mim_add_test(test_crash_recovery
    SOURCES test_crash_recovery.cpp
    LIBS mim_views mim_models mim_sandbox mim_test_support mim_gui_test_support Qt6::Network Qt6::Widgets
    LABELS integration reliability
    TIMEOUT 120)
add_dependencies(test_crash_recovery mim-delete-worker)
target_compile_definitions(test_crash_recovery PRIVATE
    MIM_DELETE_WORKER="$<TARGET_FILE:mim-delete-worker>")

mim_add_test(test_hostile_responses
    SOURCES test_hostile_responses.cpp
    LIBS mim_models mim_test_printing Qt6::Network
    LABELS integration reliability
    TIMEOUT 120)

# HTTPS sandbox with the certificates in tests/data/tls; the certificate dialog of the main window.
mim_add_test(test_tls
    SOURCES test_tls.cpp
    LIBS mim_views mim_models mim_sandbox mim_test_support mim_gui_test_support Qt6::Network Qt6::Widgets
    LABELS integration reliability gui
    TIMEOUT 120)

# A sandbox that lies: ids that address other resources, gateway 404s, unbounded totals, unsettled listings.
mim_add_test(test_hostile_server
    SOURCES test_hostile_server.cpp
    LIBS mim_models mim_sandbox mim_test_support Qt6::Network
    LABELS integration reliability
    TIMEOUT 120)
