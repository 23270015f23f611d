// Package statefile is what every file newsbrowse keeps about a collection
// has in common: where it lives (the state directory, per owner), its name
// (a hash of the collection's path), the lock that makes read–merge–write
// safe between processes, reads that cannot block or balloon, atomic
// replacement, and setting aside a file that could not be read so it is
// never overwritten. The marks (loader/marks) and the read state
// (loader/readstate) are built on it. Nothing is ever written inside a
// collection.
package statefile

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// appName is the sub-directory of the state directory used by the program.
const appName = "newsbrowse"

// hashLen is how many hex digits of the collection path's SHA-256 name its
// files.
const hashLen = 16

// ErrNoStateDir is returned by Dir when neither XDG_STATE_HOME nor a home
// directory is known: nothing can be kept between runs.
var ErrNoStateDir = errors.New("neither XDG_STATE_HOME nor HOME is set")

// Dir returns the directory state is kept in: $XDG_STATE_HOME/newsbrowse,
// or ~/.local/state/newsbrowse when XDG_STATE_HOME is unset or not absolute.
// Without either it returns an error wrapping ErrNoStateDir that says why.
func Dir() (string, error) {
	if d := os.Getenv("XDG_STATE_HOME"); d != "" && filepath.IsAbs(d) {
		return filepath.Join(d, appName), nil
	}
	home, err := os.UserHomeDir()
	if err != nil || home == "" || !filepath.IsAbs(home) {
		return "", fmt.Errorf("no state directory: %w", ErrNoStateDir)
	}
	return filepath.Join(home, ".local", "state", appName), nil
}

// OwnerDir returns the state directory of one owner inside base (the
// directory Dir returns): base/owners/<owner>. It is how one process keeps
// the state of several people apart — the SSH server passes the public
// key's fingerprint ("SHA256:…") as owner and hands the result to
// marks.Open and readstate.Open as their state directory. owner is spelled
// as a file name: '/' becomes '_' and '+' becomes '-' (base64 fingerprints
// stay readable and distinct), trailing '=' are dropped, and an owner that
// still holds anything but letters, digits and ".:_-" (or is empty, "." or
// "..") is refused.
func OwnerDir(base, owner string) (string, error) {
	name := strings.TrimRight(strings.NewReplacer("/", "_", "+", "-").Replace(owner), "=")
	if name == "" || name == "." || name == ".." || len(name) > 200 {
		return "", fmt.Errorf("owner %q cannot name a directory", owner)
	}
	for _, r := range name {
		ok := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune(".:_-", r)
		if !ok {
			return "", fmt.Errorf("owner %q cannot name a directory", owner)
		}
	}
	return filepath.Join(base, "owners", name), nil
}

// Base returns the start of the names of the files kept about the
// collection at the absolute path collectionAbs: hex digits of the SHA-256
// of its cleaned path. Each kind of file adds its own extension.
func Base(collectionAbs string) string {
	sum := sha256.Sum256([]byte(filepath.Clean(collectionAbs)))
	return hex.EncodeToString(sum[:])[:hashLen]
}

// CheckPaths cleans both paths and refuses a relative collection path or a
// state directory that lies inside the collection.
func CheckPaths(stateDir, collectionAbs string) (dir, col string, err error) {
	if !filepath.IsAbs(collectionAbs) {
		return "", "", fmt.Errorf("collection path %q is not absolute", collectionAbs)
	}
	col = filepath.Clean(collectionAbs)
	dir, err = filepath.Abs(stateDir)
	if err != nil {
		return "", "", fmt.Errorf("state directory: %w", err)
	}
	if rel, err := filepath.Rel(col, dir); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", "", errors.New("refusing to keep state inside the collection")
	}
	return dir, col, nil
}
