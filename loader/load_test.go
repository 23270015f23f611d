package loader

import (
	"errors"
	"io/fs"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/text/encoding/unicode"
)

func TestLoad(t *testing.T) {
	article := nameLine + banner + body(s1, s2)
	fsys := fstest.MapFS{
		"306县农业局开展冬季果树修剪培训.txt": file(article),
		"gb/7_市图书馆.txt":         {Data: []byte(gb(t, "7_市图书馆.txt\r\n"+body(s3)))},
		"u16/8冰雪季.txt":          {Data: utf16Bytes(t, body(s1), unicode.LittleEndian)},
		"bin/9图片.txt":           {Data: []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")},
		"10空文件.txt":             {Data: nil},
	}
	cases := []struct {
		rel    string
		enc    string
		blocks []Block
		err    error
	}{
		{"306县农业局开展冬季果树修剪培训.txt", EncUTF8, []Block{head("县农业局开展冬季果树修剪培训"), img, para(s1), para(s2)}, nil},
		{"gb/7_市图书馆.txt", EncGB18030, []Block{head("市图书馆"), para(s3)}, nil},
		{"u16/8冰雪季.txt", EncUTF16LE, []Block{head("冰雪季"), para(s1)}, nil},
		{"bin/9图片.txt", EncBinary, []Block{head("图片")}, ErrBinary},
		{"10空文件.txt", EncUTF8, []Block{head("空文件")}, nil},
	}
	for _, tc := range cases {
		e := newEntry(tc.rel, tc.rel[strings.LastIndexByte(tc.rel, '/')+1:])
		a, err := Load(fsys, e)
		if !errors.Is(err, tc.err) {
			t.Errorf("Load(%q) err = %v, want %v", tc.rel, err, tc.err)
		}
		if a.Entry != e || a.Encoding != tc.enc || a.Size != len(fsys[tc.rel].Data) || !slices.Equal(a.Blocks, tc.blocks) {
			t.Errorf("Load(%q) = %+v, %q, %d, blocks %s; want encoding %q, blocks %s",
				tc.rel, a.Entry, a.Encoding, a.Size, showBlocks(a.Blocks), tc.enc, showBlocks(tc.blocks))
		}
	}
}

func TestLoadErrors(t *testing.T) {
	fsys := fstest.MapFS{"dir.txt/x": file("x")}
	_, err := Load(fsys, Entry{RelPath: "sub/missing.txt"})
	var pe *fs.PathError
	if !errors.Is(err, fs.ErrNotExist) || !errors.As(err, &pe) || pe.Path != "sub/missing.txt" {
		t.Errorf("missing file: err = %v", err)
	}
	if err != nil && strings.Count(err.Error(), "missing.txt") != 1 {
		t.Errorf("missing file: message %q should name the file once", err)
	}
	if _, err := Load(fsys, Entry{RelPath: "dir.txt"}); err == nil || !strings.Contains(err.Error(), "dir.txt") {
		t.Errorf("folder: err = %v", err)
	}
	if _, err := LoadRaw(fsys, Entry{RelPath: "missing.txt"}); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("LoadRaw missing: err = %v", err)
	}
	if ErrBinary.Error() != "binary file, not shown" {
		t.Errorf("ErrBinary message %q", ErrBinary)
	}
}

func TestLoadRaw(t *testing.T) {
	fsys := fstest.MapFS{
		"a.txt": file("306甲.txt\r\n<div>\x1b[31m红\u202e\t字&#27;</div>"),
		"b.txt": {Data: []byte(gb(t, "乙\r\n丙"))},
		"c.txt": {Data: []byte("\x00\x01\x02")},
	}
	cases := []struct {
		rel, want string
		err       error
	}{
		{"a.txt", "306甲.txt\n<div>^[[31m红<U+202E>" + VisibleTab + "字&#27;</div>", nil},
		{"b.txt", "乙\n丙", nil},
		{"c.txt", "", ErrBinary},
	}
	for _, tc := range cases {
		got, err := LoadRaw(fsys, Entry{RelPath: tc.rel})
		if got != tc.want || !errors.Is(err, tc.err) {
			t.Errorf("LoadRaw(%q) = %q, %v; want %q, %v", tc.rel, got, err, tc.want, tc.err)
		}
	}
}

func TestLoadBytes(t *testing.T) {
	cases := []struct {
		name  string
		entry Entry
	}{
		{"news/306_县农业局.txt", Entry{"306", "县农业局", "news/306_县农业局.txt"}},
		{"306县农业局.txt", Entry{"306", "县农业局", "306县农业局.txt"}},
		{"news/" + gb(t, "42乙.txt"), Entry{"42", "乙", "news/" + gb(t, "42乙.txt")}},
	}
	for _, tc := range cases {
		a, err := LoadBytes(tc.name, []byte(body(s1)))
		want := []Block{head(tc.entry.Title), para(s1)}
		if err != nil || a.Entry != tc.entry || !slices.Equal(a.Blocks, want) || a.Encoding != EncUTF8 {
			t.Errorf("LoadBytes(%q) = %+v, %v", tc.name, a, err)
		}
	}
	if _, err := LoadBytes("x.txt", []byte{0, 1, 2}); !errors.Is(err, ErrBinary) {
		t.Errorf("LoadBytes binary: err = %v", err)
	}
}
