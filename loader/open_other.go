//go:build !unix

package loader

import "io/fs"

// readDirect is never possible here: readFile always takes its usual way.
func readDirect(fs.FS, string, []byte) ([]byte, bool) {
	return nil, false
}
