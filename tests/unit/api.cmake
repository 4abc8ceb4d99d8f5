# Unit tests of the API layer, linked against it alone: signing, image JSON, errors, regions, endpoints and log redaction.
mim_add_test(test_signer SOURCES test_signer.cpp LIBS mim_api LABELS unit TIMEOUT 60)
mim_add_test(test_image_json SOURCES test_image_json.cpp LIBS mim_api LABELS unit TIMEOUT 120)
mim_add_test(test_api_error SOURCES test_api_error.cpp LIBS mim_api mim_test_printing LABELS unit TIMEOUT 60)
mim_add_test(test_regions SOURCES test_regions.cpp LIBS mim_api LABELS unit TIMEOUT 60)

mim_add_test(test_image_page_reader SOURCES test_image_page_reader.cpp LIBS mim_sandbox mim_api LABELS unit TIMEOUT 60)
mim_add_test(test_image_fields SOURCES test_image_fields.cpp LIBS mim_sandbox mim_models LABELS unit TIMEOUT 60)
mim_add_test(test_path_segments SOURCES test_path_segments.cpp LIBS mim_api LABELS unit TIMEOUT 60)
mim_add_test(test_retry_decision SOURCES test_retry_decision.cpp LIBS mim_api LABELS unit TIMEOUT 60)
mim_add_test(test_usage SOURCES test_usage.cpp LIBS mim_api LABELS unit TIMEOUT 60)
mim_add_test(test_swr SOURCES test_swr.cpp LIBS mim_api mim_test_printing LABELS unit TIMEOUT 60)
