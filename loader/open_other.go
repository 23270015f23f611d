//go:build !unix

package loader

import "io/fs"

// readDirect is never possible here: readFile always takes its usual way.
func readDirect(fs.FS, string, []byte) ([]byte, bool) {
	return nil, false
}

// readFollow is never possible here either.
func readFollow(fs.FS, string, []byte) ([]byte, bool, error) {
	return nil, false, nil
}
