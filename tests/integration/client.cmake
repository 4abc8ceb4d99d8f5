# ApiClient and ImageListing against the in-process sandbox.
mim_add_test(test_api_client
    SOURCES test_api_client.cpp test_api_client_helpers.h
    LIBS mim_models mim_test_support mim_sandbox Qt6::Network
    LABELS integration
    TIMEOUT 120)
mim_add_test(test_api_client_listing
    SOURCES test_api_client_listing.cpp test_api_client_helpers.h
    LIBS mim_models mim_test_support mim_sandbox Qt6::Network
    LABELS integration
    TIMEOUT 120)
mim_add_test(test_api_client_large_listing
    SOURCES test_api_client_large_listing.cpp test_api_client_helpers.h
    LIBS mim_models mim_test_support mim_sandbox Qt6::Network
    LABELS integration
    TIMEOUT 180)
# The SWR calls against a scripted HTTP server; needs nothing of the app but the API layer.
mim_add_test(test_swr_client
    SOURCES test_swr_client.cpp
    LIBS mim_api mim_test_printing Qt6::Network
    LABELS integration
    TIMEOUT 120)
