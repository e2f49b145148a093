// The store's guarantees are POSIX ones (flock, fdatasync, file modes, SIGKILL), and so are these tests.
[assembly: System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
