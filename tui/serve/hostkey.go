package serve

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/charmbracelet/keygen"
	gossh "golang.org/x/crypto/ssh"
)

// hostKeyName is the file of the host key generated in the state
// directory when no --host-key is given.
const hostKeyName = "ssh_host_ed25519_key"

// hostSigner reads the host key at path. With path "", the key is
// stateDir's generated one, created (ed25519, mode 0600, in a 0700
// directory) on the first start, so clients' known_hosts stay valid
// across restarts. A key file that others may read is refused, as
// OpenSSH refuses it.
func hostSigner(path, stateDir string) (gossh.Signer, string, error) {
	if path == "" {
		if stateDir == "" {
			return nil, "", errors.New("host key: no state directory to keep one in (give --host-key)")
		}
		path = filepath.Join(stateDir, hostKeyName)
		if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
			if _, err := keygen.New(path, keygen.WithKeyType(keygen.Ed25519), keygen.WithWrite()); err != nil {
				return nil, "", fmt.Errorf("host key: %w", err)
			}
		}
	}
	st, err := os.Stat(path)
	if err != nil {
		return nil, "", fmt.Errorf("host key: %w", err)
	}
	if st.Mode().Perm()&0o077 != 0 {
		return nil, "", fmt.Errorf("host key %s: others may read it (mode %04o): chmod 600 it", path, st.Mode().Perm())
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, "", fmt.Errorf("host key: %w", err)
	}
	signer, err := gossh.ParsePrivateKey(data)
	if err != nil {
		return nil, "", fmt.Errorf("host key %s: %w", path, err)
	}
	return signer, path, nil
}
