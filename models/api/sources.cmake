# Pure API code: value types, signing, errors, regions.
target_sources(mim_models PRIVATE
)

# Network: the API client, token provider, listing.
target_sources(mim_models PRIVATE
)
