//go:build !unix

package loader

import "os"

// openFlags opens read-only.
const openFlags = os.O_RDONLY
