//go:build !unix

package loader

import "io/fs"

// readDirect is never possible here: readFile always takes its usual way.
func readDirect(fs.FS, string, []byte, int) ([]byte, int64, bool) {
	return nil, 0, false
}

// readFollow is never possible here either.
func readFollow(fs.FS, string, []byte, int) ([]byte, int64, bool, error) {
	return nil, 0, false, nil
}
