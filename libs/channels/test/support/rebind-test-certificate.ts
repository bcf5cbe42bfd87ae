// A self-signed certificate for mail.rebind.test (EC P-256, valid 100 years), made with:
//   openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 36500 \
//     -subj /CN=mail.rebind.test -addext subjectAltName=DNS:mail.rebind.test -keyout key.pem -out cert.pem
// Test-only: the key is public.
export const REBIND_TEST_HOST = 'mail.rebind.test';

export const REBIND_TEST_KEY = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgDRmWqSyNWS1jiDzM
53/S+4uhxYIy1Y4w1GJtvhtfhYihRANCAASoUAnpHA1jtE15yAHg9NFmEwvL2pWV
tVkn8S3WenSr8Zvkmy9ljuEhHWDilCT3vhmykJu3nBRdyVW79P0c6hhc
-----END PRIVATE KEY-----
`;

export const REBIND_TEST_CERT = `-----BEGIN CERTIFICATE-----
MIIBqjCCAVCgAwIBAgIUfPR2BZ++01r+WBvCd08d9t07KscwCgYIKoZIzj0EAwIw
GzEZMBcGA1UEAwwQbWFpbC5yZWJpbmQudGVzdDAgFw0yNjEyMDMxMzQyMzdaGA8y
MTI2MTEwOTEzNDIzN1owGzEZMBcGA1UEAwwQbWFpbC5yZWJpbmQudGVzdDBZMBMG
ByqGSM49AgEGCCqGSM49AwEHA0IABKhQCekcDWO0TXnIAeD00WYTC8valZW1WSfx
LdZ6dKvxm+SbL2WO4SEdYOKUJPe+GbKQm7ecFF3JVbv0/RzqGFyjcDBuMB0GA1Ud
DgQWBBSAjwZ0sHB1U6Ggt+G+xXbQHSStJjAfBgNVHSMEGDAWgBSAjwZ0sHB1U6Gg
t+G+xXbQHSStJjAPBgNVHRMBAf8EBTADAQH/MBsGA1UdEQQUMBKCEG1haWwucmVi
aW5kLnRlc3QwCgYIKoZIzj0EAwIDSAAwRQIhALYaemBLz+T7/RdD83V2m7d2GlUV
Mtn0LP1Kt+WCBOD3AiBdrkJEPOaKh2AoRVZH/x8JcFC6SCG9A5SFAoYi9Md2lA==
-----END CERTIFICATE-----
`;
