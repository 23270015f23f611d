package loader

import (
	"strings"
	"testing"
	"unsafe"
)

func TestSearchText(t *testing.T) {
	img := Block{Kind: Image, Text: ImageText}
	for _, tc := range []struct {
		blocks []Block
		want   string
	}{
		{[]Block{{Heading, "标题"}, img, {Paragraph, Indent + "正文有图片二字"}},
			"标题\n" + strings.Repeat("\x00", len(ImageText)) + "\n" + Indent + "正文有图片二字"},
		{[]Block{img}, strings.Repeat("\x00", len(ImageText))},
		{[]Block{{Paragraph, "[图片]"}}, "[图片]"}, // the same text in a paragraph is text
		{nil, ""},
	} {
		flat, _ := Flatten(tc.blocks)
		got := SearchText(flat, tc.blocks)
		if got != tc.want || len(got) != len(flat) {
			t.Errorf("SearchText(%q) = %q, want %q", flat, got, tc.want)
		}
	}
	// without an image, the text itself
	blocks := []Block{{Heading, "标题"}, {Paragraph, "正文"}}
	flat, _ := Flatten(blocks)
	if got := SearchText(flat, blocks); unsafe.StringData(got) != unsafe.StringData(flat) {
		t.Error("SearchText copied a text without images")
	}
}
