package loader

import (
	"testing"
	"testing/fstest"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

func TestTitleFromFirstLine(t *testing.T) {
	gb, _ := simplifiedchinese.GB18030.NewEncoder().String("306吉林省“不忘初心、牢记使命”主题教育工作会议召开.txt\r\n<p>正文</p>")
	u16, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String("77旧桥加固.txt\n正文")
	fsys := fstest.MapFS{
		"seed-article.txt":    {Data: []byte(gb)},
		"utf16.txt":           {Data: []byte(u16)},
		"plain.txt":           {Data: []byte("1024社区食堂.txt\n" + string(make([]byte, 0)) + "正文")},
		"notes.txt":           {Data: []byte("关于本合集的说明.txt\n正文")},
		"number-only.txt":     {Data: []byte("2024.txt\n正文")},
		"not-a-name.txt":      {Data: []byte("2024年是重要的一年。\n")},
		"path.txt":            {Data: []byte("5../../etc.txt\n")},
		"12有前缀.txt":           {Data: []byte("99别的名字.txt\n")},
		"binary.txt":          {Data: []byte("\x00\x01\x02\x03PK\x03\x04")},
		"long-first-line.txt": {Data: []byte("88" + string(make([]byte, 2000)))},
	}
	want := map[string][2]string{
		"seed-article.txt":    {"306", "吉林省“不忘初心、牢记使命”主题教育工作会议召开"},
		"utf16.txt":           {"77", "旧桥加固"},
		"plain.txt":           {"1024", "社区食堂"},
		"notes.txt":           {"", "notes"},
		"number-only.txt":     {"", "number-only"},
		"not-a-name.txt":      {"", "not-a-name"},
		"path.txt":            {"", "path"},
		"12有前缀.txt":           {"12", "有前缀"}, // a prefixed name is not read
		"binary.txt":          {"", "binary"},
		"long-first-line.txt": {"", "long-first-line"},
	}
	entries, err := Scan(fsys)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if w := want[e.RelPath]; e.Prefix != w[0] || e.Title != w[1] {
			t.Errorf("%s: %q %q, want %q %q", e.RelPath, e.Prefix, e.Title, w[0], w[1])
		}
	}
	if entries[len(entries)-1].Prefix != "" || entries[0].Prefix != "12" {
		t.Errorf("order: %v", entries)
	}
}
