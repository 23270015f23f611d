package zipfs

import (
	"encoding/binary"
	"hash/crc32"
	"io/fs"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

func gb(t testing.TB, s string) string {
	b, err := simplifiedchinese.GB18030.NewEncoder().String(s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// unicodePathField builds an Info-ZIP Unicode Path extra field for the
// raw name holding name, with the CRC-32 crc.
func unicodePathField(crc uint32, name string) []byte {
	b := binary.LittleEndian.AppendUint16(nil, unicodePathID)
	b = binary.LittleEndian.AppendUint16(b, uint16(5+len(name)))
	b = append(b, 1)
	b = binary.LittleEndian.AppendUint32(b, crc)
	return append(b, name...)
}

func crcOf(s string) uint32 { return crc32.ChecksumIEEE([]byte(s)) }

func TestDecodeName(t *testing.T) {
	gbName := gb(t, "001淺談數據庫.txt") // 淺 is 9C 5C in GBK: a "\" trail byte
	if !strings.Contains(gbName, `\`) {
		t.Fatal("the GBK name holds no 0x5C byte: the test lost its point")
	}
	other := func(next []byte) []byte { // an unrelated extra field first
		return append([]byte{0x55, 0x54, 5, 0, 1, 2, 3, 4, 5}, next...)
	}
	for _, tc := range []struct {
		name  string
		raw   string
		flags uint16
		extra []byte
		want  string
	}{
		{"flag set, UTF-8", "新闻/001开幕.txt", flagUTF8, nil, "新闻/001开幕.txt"},
		{"flag set wins over the extra field", "a.txt", flagUTF8, unicodePathField(crcOf("a.txt"), "乙.txt"), "a.txt"},
		{"flag set, invalid bytes", "a\xffb.txt", flagUTF8, nil, "a\uFFFDb.txt"},
		{"unicode path, CRC matches", gbName, 0, unicodePathField(crcOf(gbName), "甲/001淺談.txt"), "甲/001淺談.txt"},
		{"unicode path after another field", gbName, 0, other(unicodePathField(crcOf(gbName), "乙.txt")), "乙.txt"},
		{"unicode path, stale CRC: raw bytes", gbName, 0, unicodePathField(crcOf("old"), "旧.txt"), "001淺談數據庫.txt"},
		{"unicode path, not UTF-8: raw bytes", "abc.txt", 0, unicodePathField(crcOf("abc.txt"), "\xff"), "abc.txt"},
		{"unicode path, wrong version", "abc.txt", 0, append(unicodePathField(crcOf("abc.txt"), "x")[:4:4], append([]byte{2}, unicodePathField(crcOf("abc.txt"), "x")[5:]...)...), "abc.txt"},
		{"extra field cut short", "abc.txt", 0, unicodePathField(crcOf("abc.txt"), "长名字")[:8], "abc.txt"},
		{"raw valid UTF-8 without flag", "子目录/002报道.txt", 0, nil, "子目录/002报道.txt"},
		{"raw ASCII", "dir/003.txt", 0, nil, "dir/003.txt"},
		{"GB18030 with a 0x5C trail byte", gbName, 0, nil, "001淺談數據庫.txt"},
		{"GB18030 folder and file", gb(t, "报告/") + gb(t, "005琝.txt"), 0, nil, "报告/005琝.txt"},
		{"GB18030 four-byte character", gb(t, "𠀀.txt"), 0, nil, "𠀀.txt"},
		{"invalid everywhere", "\xff\xfe.txt", 0, nil, "\uFFFD\uFFFD.txt"},
	} {
		if got := DecodeName(tc.raw, tc.flags, tc.extra); got != tc.want {
			t.Errorf("%s: DecodeName(%q) = %q, want %q", tc.name, tc.raw, got, tc.want)
		}
	}
}

func TestLocalPath(t *testing.T) {
	for _, tc := range []struct {
		in    string
		want  string
		isDir bool
	}{
		{"a/b.txt", "a/b.txt", false},
		{"a/", "a", true},
		{"../../etc/passwd.txt", "etc/passwd.txt", false},
		{"/abs/x.txt", "abs/x.txt", false},
		{"a//./b/../c.txt", "a/b/c.txt", false},
		{"../", ".", true},
		{"/", ".", true},
		{`a\b.txt`, "a/b.txt", false},
		{`..\..\c.txt`, "c.txt", false},
		{`d\`, "d", true},
	} {
		if got, isDir := localPath(tc.in); got != tc.want || isDir != tc.isDir {
			t.Errorf("localPath(%q) = %q, %v; want %q, %v", tc.in, got, isDir, tc.want, tc.isDir)
		}
	}
}

// FuzzDecodeName checks that any raw name, flags and extra field give a
// valid UTF-8 name, and that a name made local is a valid fs path.
func FuzzDecodeName(f *testing.F) {
	f.Add("新闻/001开幕.txt", uint16(flagUTF8), []byte(nil))
	f.Add(gb(f, "001淺談數據庫.txt"), uint16(0), []byte(nil))
	f.Add("abc.txt", uint16(0), unicodePathField(crcOf("abc.txt"), "甲.txt"))
	f.Add("../a/./b//c.txt", uint16(0), []byte{0x75, 0x70, 0xff, 0xff})
	f.Add("\xff\xfe/", uint16(0), []byte{0x75, 0x70, 5, 0, 1, 0, 0, 0, 0})
	f.Fuzz(func(t *testing.T, raw string, flags uint16, extra []byte) {
		name := DecodeName(raw, flags, extra)
		if !utf8.ValidString(name) {
			t.Fatalf("DecodeName(%q) = %q: not UTF-8", raw, name)
		}
		if utf8.ValidString(raw) && flags&flagUTF8 != 0 && name != raw {
			t.Fatalf("UTF-8 name %q with the flag changed to %q", raw, name)
		}
		p, _ := localPath(name)
		if !(p == "." || (fs.ValidPath(p) && !strings.HasPrefix(p, "/"))) {
			t.Fatalf("localPath(%q) = %q: not a valid path", name, p)
		}
	})
}
