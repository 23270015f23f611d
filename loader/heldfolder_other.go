//go:build !unix

package loader

import "io/fs"

// heldFolder is nothing here: every file is opened by its path.
type heldFolder struct{ keep bool }

func (rd *Reader) readHeld(fs.FS, string) ([]byte, bool) { return nil, false }

func (rd *Reader) closeFolder() error { return nil }
