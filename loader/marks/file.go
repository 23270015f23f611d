package marks

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"unicode/utf8"
)

// fileContent is the JSON form of a marks file. JSON strings hold only valid
// UTF-8, so a path that is not (a GBK file name kept as on disk) is stored as
// base64 bytes in RawMarks instead of Marks.
type fileContent struct {
	Collection string   `json:"collection"`
	Marks      []string `json:"marks"`
	RawMarks   [][]byte `json:"raw_marks,omitempty"`
}

// encode builds the file content of a collection's marks.
func encode(col string, set map[string]bool) fileContent {
	c := fileContent{Collection: col, Marks: []string{}}
	for _, m := range sorted(set) {
		if utf8.ValidString(m) {
			c.Marks = append(c.Marks, m)
		} else {
			c.RawMarks = append(c.RawMarks, []byte(m))
		}
	}
	return c
}

// sameCollection reports whether the collection named in a file is col, as
// far as a JSON string can hold it (invalid UTF-8 bytes become U+FFFD).
func sameCollection(stored, col string) bool {
	if stored == col {
		return true
	}
	data, err := json.Marshal(col)
	if err != nil {
		return false
	}
	var back string
	return json.Unmarshal(data, &back) == nil && back == stored
}

// LoadSet reads the marks of the collection at collectionAbs from stateDir.
// A missing file means no marks. A file that cannot be parsed, or that
// belongs to another collection, is an error.
func LoadSet(stateDir, collectionAbs string) (map[string]bool, error) {
	dir, col, err := checkPaths(stateDir, collectionAbs)
	if err != nil {
		return nil, err
	}
	path := filepath.Join(dir, FileName(col))
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return map[string]bool{}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("marks: %w", err)
	}
	var c fileContent
	if err := json.Unmarshal(data, &c); err != nil {
		return nil, fmt.Errorf("marks: %s: %w", path, err)
	}
	if !sameCollection(c.Collection, col) {
		return nil, fmt.Errorf("marks: %s belongs to %q, not %q", path, c.Collection, col)
	}
	set := make(map[string]bool, len(c.Marks)+len(c.RawMarks))
	for _, m := range c.Marks {
		if m != "" {
			set[m] = true
		}
	}
	for _, m := range c.RawMarks {
		if len(m) > 0 {
			set[string(m)] = true
		}
	}
	return set, nil
}

// SaveSet writes the marks of the collection at collectionAbs to stateDir,
// creating it (mode 0700) if needed. The file is replaced atomically: the new
// content goes to a temporary file in the same directory, is synced, then
// renamed over the old one, so a crash leaves either the old or the new marks.
func SaveSet(stateDir, collectionAbs string, set map[string]bool) error {
	dir, col, err := checkPaths(stateDir, collectionAbs)
	if err != nil {
		return err
	}
	data, err := json.MarshalIndent(encode(col, set), "", "  ")
	if err != nil {
		return fmt.Errorf("marks: %w", err)
	}
	data = append(data, '\n')
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("marks: %w", err)
	}
	name := FileName(col)
	tmp, err := os.CreateTemp(dir, name+".tmp-*")
	if err != nil {
		return fmt.Errorf("marks: %w", err)
	}
	tmpName := tmp.Name()
	_, err = tmp.Write(data)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmpName, filepath.Join(dir, name))
	}
	if err != nil {
		os.Remove(tmpName)
		return fmt.Errorf("marks: %w", err)
	}
	syncDir(dir)
	return nil
}

// syncDir makes a rename in dir durable where the system allows it; not
// every system can sync a directory, so failures are ignored.
func syncDir(dir string) {
	d, err := os.Open(dir)
	if err != nil {
		return
	}
	d.Sync()
	d.Close()
}
