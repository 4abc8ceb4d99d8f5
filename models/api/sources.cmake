# Pure API code: value types, signing, errors, regions.
target_sources(mim_models PRIVATE
    api/AkSkSigner.cpp
    api/ApiError.cpp
    api/ConnectionSettings.cpp
    api/Image.cpp
    api/ImagePageReader.cpp
    api/LogRedaction.cpp
    api/PathSegments.cpp
    api/VisibleText.cpp
    api/Regions.cpp
    api/RetryDecision.cpp
)

# Network: the API client, token provider, listing.
target_sources(mim_models PRIVATE
    api/ApiClient.cpp
    api/ImageListing.cpp
    api/TokenProvider.cpp
)
