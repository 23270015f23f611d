//go:build !linux

package loader

import "os"

// readFolder lists the folder dir of fsys into s, in batches, through
// os.File.ReadDir.
func (s *scanner) readFolder(fsys dirFS, dir string) error {
	f, err := fsys.openDir(dir)
	if err != nil {
		return err
	}
	defer f.Close()
	return relative(s.readBatches(dir, f), dir)
}

// openDir opens the folder name for Scan, which reads it in batches and
// in the order of the system (os.ReadDir, behind ReadDir, sorts by name).
// Errors are those of ReadDir.
func (dir dirFS) openDir(name string) (*os.File, error) {
	full, err := dir.join("readdir", name)
	if err != nil {
		return nil, err
	}
	f, err := os.Open(full)
	if err != nil {
		return nil, relative(err, name)
	}
	return f, nil
}
