# Clean-up assistant, exports, registering and image groups: pure models.
mim_add_test(test_cleanup_rules
    SOURCES test_cleanup_rules.cpp
    LIBS mim_models
    LABELS unit
    TIMEOUT 60)
mim_add_test(test_image_exporter
    SOURCES test_image_exporter.cpp
    LIBS mim_models
    LABELS unit
    TIMEOUT 60)
mim_add_test(test_register_request
    SOURCES test_register_request.cpp
    LIBS mim_models
    LABELS unit
    TIMEOUT 60)
mim_add_test(test_image_group_model
    SOURCES test_image_group_model.cpp
    LIBS mim_models
    LABELS unit
    TIMEOUT 60)
# The envelope every listing page shares (parse, object, counts), read by each listing's parser alike.
mim_add_test(test_listing_envelopes
    SOURCES test_listing_envelopes.cpp
    LIBS mim_models
    LABELS unit
    TIMEOUT 60)
