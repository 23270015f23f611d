package loader

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	xunicode "golang.org/x/text/encoding/unicode"
)

// forbidden reports whether r must never reach the terminal inside a block:
// newline, tab, C0 controls, DEL, C1 controls and bidi formatting.
func forbidden(r rune) bool {
	switch {
	case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f:
		return true
	case r == 0x061c, r == 0x200e, r == 0x200f, r == 0x2028, r == 0x2029:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	}
	// default-ignorable code points terminals draw differently (all of
	// Default_Ignorable_Code_Point but ZWJ, the variation selectors and the
	// tags, which emoji sequences use)
	for _, rg := range [][2]rune{
		{0xad, 0xad}, {0x34f, 0x34f}, {0x115f, 0x1160}, {0x17b4, 0x17b5}, {0x180b, 0x180f},
		{0x200b, 0x200c}, {0x2060, 0x206f}, {0x3164, 0x3164}, {0xfeff, 0xfeff}, {0xffa0, 0xffa0},
		{0xfff0, 0xfff8}, {0x1bca0, 0x1bca3}, {0x1d173, 0x1d17a}, {0xe0000, 0xe001f},
		{0xe0080, 0xe00ff}, {0xe01f0, 0xe0fff},
	} {
		if r >= rg[0] && r <= rg[1] {
			return true
		}
	}
	return false
}

// nonSpace returns the runes of s that are not white space.
func nonSpace(s string) []rune {
	var out []rune
	for _, r := range s {
		if !unicode.IsSpace(r) {
			out = append(out, r)
		}
	}
	return out
}

// isSubsequence reports whether a appears in b in order.
func isSubsequence(a, b []rune) bool {
	j := 0
	for _, r := range b {
		if j < len(a) && a[j] == r {
			j++
		}
	}
	return j == len(a)
}

// onlyMarkup reports whether every "<" of s starts a tag, an end tag or a
// comment, and s holds no character reference: then no "<" may remain in
// the cleaned text.
func onlyMarkup(s string) bool {
	if strings.Contains(s, "&") {
		return false
	}
	letter := func(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
	for i := 0; i < len(s); i++ {
		if s[i] != '<' {
			continue
		}
		switch {
		case i+1 < len(s) && (letter(s[i+1]) || s[i+1] == '!' || s[i+1] == '?'):
		case i+2 < len(s) && s[i+1] == '/' && letter(s[i+2]):
		default:
			return false
		}
	}
	return true
}

// bannerish reports whether a line holds nothing but dashes, white space
// and 这里有图片: the lines Clean may drop besides line 1.
func bannerish(line string) bool {
	return strings.TrimFunc(strings.ReplaceAll(line, imageBanner, ""), func(r rune) bool {
		return r == '-' || unicode.IsSpace(r)
	}) == ""
}

func checkBlocks(t *testing.T, blocks []Block) {
	t.Helper()
	for i, b := range blocks {
		if !utf8.ValidString(b.Text) {
			t.Fatalf("block %d not valid UTF-8: %q", i, b.Text)
		}
		for _, r := range b.Text {
			if forbidden(r) {
				t.Fatalf("block %d holds %U: %q", i, r, b.Text)
			}
		}
		switch b.Kind {
		case Paragraph:
			rest, ok := strings.CutPrefix(b.Text, Indent)
			first, _ := utf8.DecodeRuneInString(rest)
			last, _ := utf8.DecodeLastRuneInString(rest)
			if !ok || rest == "" || unicode.IsSpace(first) || unicode.IsSpace(last) {
				t.Fatalf("paragraph %d badly indented or trimmed: %q", i, b.Text)
			}
		case Heading:
			first, _ := utf8.DecodeRuneInString(b.Text)
			last, _ := utf8.DecodeLastRuneInString(b.Text)
			if b.Text == "" || unicode.IsSpace(first) || unicode.IsSpace(last) {
				t.Fatalf("heading %d empty or untrimmed: %q", i, b.Text)
			}
		case Image:
			if b.Text != ImageText {
				t.Fatalf("image %d text %q", i, b.Text)
			}
		default:
			t.Fatalf("block %d has kind %d", i, b.Kind)
		}
	}
	text, starts := Flatten(blocks)
	for i, b := range blocks {
		if !strings.HasPrefix(text[starts[i]:], b.Text) {
			t.Fatalf("Flatten: block %d not at offset %d", i, starts[i])
		}
	}
}

func FuzzCleanDecode(f *testing.F) {
	for _, tc := range cleanCases {
		f.Add([]byte(tc.in))
	}
	for _, tc := range decodeCases(f) {
		f.Add(tc.in)
	}
	f.Add([]byte(gb(f, nameLine+banner+body(s1, s2))))
	f.Add(utf16Bytes(f, nameLine+banner+body(s3), xunicode.BigEndian))
	f.Add([]byte("a<!"))
	f.Add([]byte("<title><b>甲</b></title>乙"))
	f.Add([]byte("<<b>a</b>"))
	f.Add([]byte("-\n这里有图片\n-\n甲"))

	f.Fuzz(func(t *testing.T, data []byte) {
		s, _ := Decode(data)
		blocks := Clean(s)
		checkBlocks(t, blocks)

		var out strings.Builder
		for _, b := range blocks {
			if b.Kind != Image {
				out.WriteString(b.Text)
			}
		}
		in := Sanitize(s)
		if onlyMarkup(in) && strings.Contains(out.String(), "<") {
			t.Fatalf("markup leaked: %q -> %s", in, showBlocks(blocks))
		}
		if strings.ContainsAny(in, "<&") {
			return
		}
		lines := strings.Split(in, "\n")
		if t := strings.TrimSpace(lines[0]); hasTxt(t) {
			lines = lines[1:]
		}
		upper := nonSpace(strings.Join(lines, "\n"))
		var kept []string
		for _, l := range lines {
			if !bannerish(l) {
				kept = append(kept, l)
			}
		}
		lower := nonSpace(strings.Join(kept, "\n"))
		got := nonSpace(out.String())
		if !isSubsequence(lower, got) || !isSubsequence(got, upper) {
			t.Fatalf("plain text changed: %q -> %s", in, showBlocks(blocks))
		}
	})
}

func FuzzParseName(f *testing.F) {
	for _, tc := range parseNameCases {
		f.Add(tc.base)
	}
	f.Add(gb(f, "0042_县农业局.txt"))
	f.Fuzz(func(t *testing.T, raw string) {
		base := DecodeName(raw)
		if !utf8.ValidString(base) {
			t.Fatalf("DecodeName(%q) not valid UTF-8", raw)
		}
		prefix, title := ParseName(base)
		if strings.TrimLeft(prefix, "0123456789") != "" || !strings.HasPrefix(base, prefix) {
			t.Fatalf("prefix %q of %q", prefix, base)
		}
		for _, r := range title {
			if forbidden(r) {
				t.Fatalf("title of %q holds %U", base, r)
			}
		}
		if SanitizeLine(base) != base {
			return
		}
		rest := trimTxt(base[len(prefix):])
		if prefix != "" && len(rest) > len(title) {
			rest = rest[1:] // the separator
		}
		if rest != title {
			t.Fatalf("ParseName(%q) = %q, %q", base, prefix, title)
		}
	})
}

func FuzzSanitize(f *testing.F) {
	for _, tc := range sanitizeCases {
		f.Add(tc.in)
	}
	for _, tc := range visibleCases {
		f.Add(tc.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		clean, line, vis := Sanitize(s), SanitizeLine(s), Visible(s)
		for name, out := range map[string]string{"Sanitize": clean, "SanitizeLine": line, "Visible": vis} {
			if !utf8.ValidString(out) {
				t.Fatalf("%s(%q) not valid UTF-8", name, s)
			}
			for _, r := range out {
				if forbidden(r) && !(r == '\n' && name != "SanitizeLine") && !(r == '\t' && name == "Sanitize") {
					t.Fatalf("%s(%q) holds %U", name, s, r)
				}
			}
		}
		if clean != sanitizeSlow(s, false) || line != sanitizeSlow(s, true) {
			t.Fatalf("Sanitize(%q) = %q, rune by rune %q", s, clean, sanitizeSlow(s, false))
		}
		if Sanitize(clean) != clean || SanitizeLine(line) != line {
			t.Fatalf("Sanitize(%q) not idempotent", s)
		}
		safe := utf8.ValidString(s)
		for _, r := range s {
			safe = safe && (!forbidden(r) || r == '\n' || r == '\t')
		}
		if safe != (clean == s) {
			t.Fatalf("Sanitize(%q) = %q", s, clean)
		}
	})
}
