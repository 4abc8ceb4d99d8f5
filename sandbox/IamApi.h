#pragma once

#include "HttpExchange.h"
#include "RequestAuthenticator.h"
#include "SandboxOptions.h"

namespace mim::sandbox {

// The two IAM calls the application makes: password login (POST /v3/auth/tokens) and project lookup by
// region name (GET /v3/projects?name=REGION, after authentication).
class IamApi
{
public:
    IamApi(const SandboxOptions *options, TokenStore *tokens);

    SandboxResponse issueToken(const SandboxRequest &request);
    SandboxResponse listProjects(const SandboxRequest &request) const;

private:
    const SandboxOptions *m_options;
    TokenStore *m_tokens;
};

} // namespace mim::sandbox
