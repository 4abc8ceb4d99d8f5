# Image groups and registering images against the in-process sandbox.
mim_add_test(test_image_groups
    SOURCES test_image_groups.cpp
    LIBS mim_models mim_test_support mim_sandbox Qt6::Network
    LABELS integration
    TIMEOUT 120)
mim_add_test(test_register_image
    SOURCES test_register_image.cpp
    LIBS mim_models mim_test_support mim_sandbox Qt6::Network
    LABELS integration
    TIMEOUT 120)
