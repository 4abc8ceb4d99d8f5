#pragma once

// Documented credentials of the local sandbox. They open nothing but a server on this machine.
namespace mim::sandbox {

inline constexpr char DefaultAccessKey[] = "SANDBOXAK0000DEMO000";
inline constexpr char DefaultSecretKey[] = "sandbox-secret-key-for-local-testing-only";
inline constexpr char DefaultProjectId[] = "5d1a6c2b9e8f4a7d8c3b2a1f0e9d8c7b";
inline constexpr char DefaultRegionId[] = "cn-north-4";
inline constexpr char DefaultIamUser[] = "demo";
inline constexpr char DefaultIamPassword[] = "demo-password";
inline constexpr char DefaultIamDomain[] = "demo-account";

} // namespace mim::sandbox
