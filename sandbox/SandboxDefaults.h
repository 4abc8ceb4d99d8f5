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

// Identifiers of the sandbox account and the rest of its documented behaviour.
inline constexpr char DefaultDomainId[] = "9c1f3d6e2b7a4c8e9f0a1b2c3d4e5f60";
inline constexpr char DefaultListenHost[] = "127.0.0.1";
inline constexpr int DefaultImageCount = 1000;
inline constexpr unsigned DefaultSeed = 1;
inline constexpr int DefaultTokenLifetimeSeconds = 24 * 60 * 60;
inline constexpr int DefaultRetryAfterSeconds = 1;
inline constexpr int DefaultStallMs = 2000;
// How long the two saving images of the demo set stay in CREATING.
inline constexpr int DefaultDemoSettleAfterMs = 20000;
// The API gateway's tolerance between X-Sdk-Date and its own clock.
inline constexpr int SdkDateToleranceSeconds = 15 * 60;
inline constexpr int DefaultListLimit = 200;

} // namespace mim::sandbox
