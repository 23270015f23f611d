package serve

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// ErrNoKeys is returned by New when the authorized keys file holds no key
// the server can use: it never runs open.
var ErrNoKeys = errors.New("no usable public key")

// harmlessOptions are the authorized_keys options that take nothing away
// from a session the server gives anyway: it never forwards, nor runs
// ~/.ssh/rc. A key with any other option (from=, command=, no-pty,
// expiry-time=, …) is skipped, since the server could not honour it.
var harmlessOptions = map[string]bool{
	"restrict": true, "no-port-forwarding": true, "no-agent-forwarding": true,
	"no-x11-forwarding": true, "no-user-rc": true,
}

// parseAuthorizedKeys reads the keys of an OpenSSH authorized_keys file.
// Lines that are not a plain public key the server can honour are
// skipped, each with a reason in skipped.
func parseAuthorizedKeys(data []byte) (keys []gossh.PublicKey, skipped []string) {
	for n, line := range bytes.Split(data, []byte("\n")) {
		line = bytes.TrimSpace(line)
		if len(line) == 0 || line[0] == '#' {
			continue
		}
		key, _, options, _, err := gossh.ParseAuthorizedKey(line)
		if err != nil {
			skipped = append(skipped, fmt.Sprintf("line %d: not a public key", n+1))
			continue
		}
		if bad := unsupportedOption(options); bad != "" {
			skipped = append(skipped, fmt.Sprintf("line %d: option %s is not supported", n+1, bad))
			continue
		}
		if _, ok := key.(*gossh.Certificate); ok {
			skipped = append(skipped, fmt.Sprintf("line %d: certificates are not supported", n+1))
			continue
		}
		keys = append(keys, key)
	}
	return keys, skipped
}

// unsupportedOption is the name of the first option the server cannot
// honour, or "".
func unsupportedOption(options []string) string {
	for _, o := range options {
		name, _, _ := strings.Cut(o, "=")
		if !harmlessOptions[strings.ToLower(name)] {
			return name
		}
	}
	return ""
}

// Fingerprint is the SHA256 fingerprint of key as OpenSSH prints it.
func Fingerprint(key gossh.PublicKey) string { return gossh.FingerprintSHA256(key) }

// keyring is the set of authorized keys, read again when the file changes,
// so that a key removed from it is refused from the next login on. When
// the file can no longer be read, or holds no usable key, every key is
// refused.
type keyring struct {
	path string
	log  func(msg string, args ...any)

	mu      sync.Mutex
	mtime   time.Time
	size    int64
	allowed map[string]bool // by key.Marshal()
}

// loadKeyring reads path; it fails when no key in it is usable.
func loadKeyring(path string, log func(string, ...any)) (*keyring, error) {
	k := &keyring{path: path, log: log}
	st, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("authorized keys: %w", err)
	}
	if err := k.read(st); err != nil {
		return nil, err
	}
	if len(k.allowed) == 0 {
		return nil, fmt.Errorf("authorized keys %s: %w", path, ErrNoKeys)
	}
	return k, nil
}

// read replaces the key set with the file's content.
func (k *keyring) read(st os.FileInfo) error {
	data, err := os.ReadFile(k.path)
	if err != nil {
		k.allowed = nil
		return fmt.Errorf("authorized keys: %w", err)
	}
	keys, skipped := parseAuthorizedKeys(data)
	for _, s := range skipped {
		k.log("authorized key skipped", "file", k.path, "why", s)
	}
	k.allowed = make(map[string]bool, len(keys))
	for _, key := range keys {
		k.allowed[string(key.Marshal())] = true
	}
	k.mtime, k.size = st.ModTime(), st.Size()
	return nil
}

// Allows reports whether key is in the file as it is now.
func (k *keyring) Allows(key gossh.PublicKey) bool {
	k.mu.Lock()
	defer k.mu.Unlock()
	st, err := os.Stat(k.path)
	switch {
	case err != nil:
		if k.allowed != nil {
			k.log("authorized keys unreadable: refusing every key", "file", k.path, "err", err.Error())
		}
		k.allowed = nil
	case !st.ModTime().Equal(k.mtime) || st.Size() != k.size:
		if err := k.read(st); err != nil {
			k.log("authorized keys unreadable: refusing every key", "file", k.path, "err", err.Error())
		}
	}
	return k.allowed[string(key.Marshal())]
}
