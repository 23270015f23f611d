package marks

import (
	"encoding/json"
	"fmt"
	"unicode/utf8"

	"newsbrowse/loader/statefile"
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
func encode(col string, set map[string]bool) ([]byte, error) {
	c := fileContent{Collection: col, Marks: []string{}}
	for _, m := range sorted(set) {
		if utf8.ValidString(m) {
			c.Marks = append(c.Marks, m)
		} else {
			c.RawMarks = append(c.RawMarks, []byte(m))
		}
	}
	data, err := json.MarshalIndent(c, "", "  ")
	return append(data, '\n'), err
}

// decode parses the marks file at path of the collection col. A file that
// does not parse or names another collection is unreadable.
func decode(path, col string, data []byte) (map[string]bool, error) {
	var c fileContent
	if err := json.Unmarshal(data, &c); err != nil {
		return nil, statefile.Unreadable(path, err)
	}
	if !sameCollection(c.Collection, col) {
		return nil, statefile.Unreadable(path, fmt.Errorf("belongs to %q, not %q", c.Collection, col))
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
