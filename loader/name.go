package loader

import (
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// ParseName splits the base name of an article file, "<prefix><title>.txt",
// into its number prefix and its title. prefix is the run of leading ASCII
// digits as written (leading zeros kept, "" if none); one separator "_",
// "-" or " " after it is dropped; title is the rest without a final ".txt"
// (any case), made safe for a single line with SanitizeLine.
func ParseName(base string) (prefix, title string) {
	rest := trimTxt(base)
	n := 0
	for n < len(rest) && rest[n] >= '0' && rest[n] <= '9' {
		n++
	}
	prefix, rest = rest[:n], rest[n:]
	if n > 0 && rest != "" && (rest[0] == '_' || rest[0] == '-' || rest[0] == ' ') {
		rest = rest[1:]
	}
	return prefix, SanitizeLine(rest)
}

// hasTxt reports whether name ends in ".txt", in any case.
func hasTxt(name string) bool {
	return len(name) >= 4 && strings.EqualFold(name[len(name)-4:], ".txt")
}

// trimTxt removes a final ".txt", in any case.
func trimTxt(name string) string {
	if hasTxt(name) {
		return name[:len(name)-4]
	}
	return name
}

// DecodeName returns a file name as UTF-8: a name that is valid UTF-8 is
// returned unchanged, any other is decoded as GB18030, the encoding of
// names written on Chinese Windows systems. Bytes that are invalid in
// GB18030 too become U+FFFD.
func DecodeName(raw string) string {
	if utf8.ValidString(raw) {
		return raw
	}
	return decodeGB18030([]byte(raw))
}

// DisplayPath returns a slash-separated relative path for display: each
// element is decoded with DecodeName on its own (so a UTF-8 folder and a
// GB18030 file name both come out right) and the result is made safe for a
// single line.
func DisplayPath(p string) string {
	if utf8.ValidString(p) {
		return SanitizeLine(p)
	}
	parts := strings.Split(p, "/")
	for i, part := range parts {
		parts[i] = DecodeName(part)
	}
	return SanitizeLine(strings.Join(parts, "/"))
}

// decodeGB18030 decodes b as GB18030; invalid bytes become U+FFFD.
func decodeGB18030(b []byte) string {
	out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(b)
	if err != nil {
		// The decoder replaces invalid input itself and reports no
		// error; keep every byte visible should that ever change.
		return strings.ToValidUTF8(string(b), "\uFFFD")
	}
	return string(out)
}

// Less orders entries the way a collection is listed: by the numeric value
// of the prefix, then by title, then by RelPath; entries without a prefix
// come after all numbered ones. Prefixes are compared as digit strings, so
// numbers of any length work.
func Less(a, b Entry) bool {
	return compareEntries(a, b) < 0
}

// SortEntries sorts entries in place in the order of Less.
func SortEntries(entries []Entry) {
	slices.SortFunc(entries, compareEntries)
}

func compareEntries(a, b Entry) int {
	if c := comparePrefix(a.Prefix, b.Prefix); c != 0 {
		return c
	}
	if c := strings.Compare(a.Title, b.Title); c != 0 {
		return c
	}
	if c := strings.Compare(a.RelPath, b.RelPath); c != 0 {
		return c
	}
	// The same number written differently ("7", "007"): as written.
	return strings.Compare(a.Prefix, b.Prefix)
}

// comparePrefix compares two digit strings by numeric value; "" (no
// number) sorts after every number.
func comparePrefix(a, b string) int {
	switch {
	case a == "" && b == "":
		return 0
	case a == "":
		return 1
	case b == "":
		return -1
	}
	a = strings.TrimLeft(a, "0")
	b = strings.TrimLeft(b, "0")
	if len(a) != len(b) {
		if len(a) < len(b) {
			return -1
		}
		return 1
	}
	return strings.Compare(a, b)
}
