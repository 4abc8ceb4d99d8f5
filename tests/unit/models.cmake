# Models: table and filter models, formatting, deletion journal.
mim_add_test(test_image_table_model SOURCES test_image_table_model.cpp LIBS mim_models LABELS unit models TIMEOUT 120)
mim_add_test(test_image_slots SOURCES test_image_slots.cpp LIBS mim_models LABELS unit models TIMEOUT 60)
mim_add_test(test_image_filter_model SOURCES test_image_filter_model.cpp LIBS mim_models LABELS unit models TIMEOUT 60)
mim_add_test(test_formatting SOURCES test_formatting.cpp LIBS mim_models LABELS unit models TIMEOUT 60)
mim_add_test(test_heap SOURCES test_heap.cpp LIBS mim_models mim_test_support LABELS unit models TIMEOUT 60)
mim_add_test(test_deletion_journal SOURCES test_deletion_journal.cpp LIBS mim_models LABELS unit models TIMEOUT 60)
mim_add_test(test_settings_keys SOURCES test_settings_keys.cpp LIBS mim_models LABELS unit models TIMEOUT 60)
mim_add_test(test_private_files SOURCES test_private_files.cpp LIBS mim_models LABELS unit models reliability TIMEOUT 60)
mim_add_test(test_image_columns SOURCES test_image_columns.cpp LIBS mim_models LABELS unit models TIMEOUT 60)
mim_add_test(test_image_table_sorting SOURCES test_image_table_sorting.cpp LIBS mim_models LABELS unit models TIMEOUT 60)
mim_add_test(test_listing_cache SOURCES test_listing_cache.cpp LIBS mim_models LABELS unit models TIMEOUT 60)
# The words of the delete confirmation, without a widget.
mim_add_test(test_delete_images_text SOURCES test_delete_images_text.cpp LIBS mim_models mim_translations LABELS unit models TIMEOUT 60)
# What SWR stores, matched against the ModelArts images, without the network.
mim_add_test(test_storage_facts SOURCES test_storage_facts.cpp LIBS mim_models LABELS unit models storage TIMEOUT 60)
# What deleting images frees in SWR, for the delete confirmation and the clean-up assistant.
mim_add_test(test_freed_storage SOURCES test_freed_storage.cpp LIBS mim_models LABELS unit models storage TIMEOUT 60)
mim_add_test(test_reported_size_unit SOURCES test_reported_size_unit.cpp LIBS mim_models LABELS unit models storage TIMEOUT 60)
