// Package marks keeps the set of articles a reader has marked, per
// collection, in the user's state directory. Nothing is ever written inside a
// collection.
package marks

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// appName is the sub-directory of the state directory used by the program.
const appName = "newsbrowse"

// hashLen is how many hex digits of the path's SHA-256 name a marks file.
const hashLen = 16

// Dir returns the directory marks are kept in: $XDG_STATE_HOME/newsbrowse,
// or ~/.local/state/newsbrowse when XDG_STATE_HOME is unset or not absolute.
func Dir() (string, error) {
	if d := os.Getenv("XDG_STATE_HOME"); d != "" && filepath.IsAbs(d) {
		return filepath.Join(d, appName), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("marks: no state directory: %w", err)
	}
	return filepath.Join(home, ".local", "state", appName), nil
}

// FileName returns the name of the marks file of the collection at the
// absolute path collectionAbs.
func FileName(collectionAbs string) string {
	sum := sha256.Sum256([]byte(filepath.Clean(collectionAbs)))
	return hex.EncodeToString(sum[:])[:hashLen] + ".json"
}

// Toggle returns a copy of set with rel flipped. set itself is not changed,
// so a copy handed to another goroutine stays valid.
func Toggle(set map[string]bool, rel string) map[string]bool {
	return with(set, rel, !set[rel])
}

// with returns a copy of set in which rel is marked or not as on says.
// Only marked paths are kept as keys.
func with(set map[string]bool, rel string, on bool) map[string]bool {
	out := make(map[string]bool, len(set)+1)
	for k, v := range set {
		if v {
			out[k] = true
		}
	}
	if on {
		out[rel] = true
	} else {
		delete(out, rel)
	}
	return out
}

// sorted returns the marked paths of set in order.
func sorted(set map[string]bool) []string {
	list := make([]string, 0, len(set))
	for k, v := range set {
		if v {
			list = append(list, k)
		}
	}
	sort.Strings(list)
	return list
}

// checkPaths cleans both paths and refuses a relative collection path or a
// state directory that lies inside the collection.
func checkPaths(stateDir, collectionAbs string) (string, string, error) {
	if !filepath.IsAbs(collectionAbs) {
		return "", "", fmt.Errorf("marks: collection path %q is not absolute", collectionAbs)
	}
	col := filepath.Clean(collectionAbs)
	dir, err := filepath.Abs(stateDir)
	if err != nil {
		return "", "", fmt.Errorf("marks: state directory: %w", err)
	}
	if rel, err := filepath.Rel(col, dir); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", "", errors.New("marks: refusing to keep marks inside the collection")
	}
	return dir, col, nil
}
