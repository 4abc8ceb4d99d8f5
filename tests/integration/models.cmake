# Catalog and deletion queue against the in-process sandbox.
mim_add_test(test_catalog
    SOURCES test_catalog.cpp
    LIBS mim_models mim_sandbox mim_test_support Qt6::Network
    LABELS integration models
    TIMEOUT 120)
mim_add_test(test_deletion_queue
    SOURCES test_deletion_queue.cpp
    LIBS mim_models mim_sandbox mim_test_support Qt6::Network
    LABELS integration models
    TIMEOUT 120)
mim_add_test(test_account_session
    SOURCES test_account_session.cpp
    LIBS mim_models mim_sandbox mim_test_support Qt6::Network
    LABELS integration models
    TIMEOUT 120)
mim_add_test(test_swr_inventory
    SOURCES test_swr_inventory.cpp
    LIBS mim_models mim_sandbox mim_test_support Qt6::Network
    LABELS integration models storage
    TIMEOUT 300)
mim_add_test(test_tag_deletion_queue
    SOURCES test_tag_deletion_queue.cpp
    LIBS mim_models mim_sandbox mim_test_support Qt6::Network
    LABELS integration models storage reliability
    TIMEOUT 300)
