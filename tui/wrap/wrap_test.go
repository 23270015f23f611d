package wrap

import (
	"slices"
	"testing"

	"newsbrowse/loader"
)

type wrapCase struct {
	name   string
	blocks []loader.Block
	width  int
	want   []Line
}

var (
	heading = loader.Block{Kind: loader.Heading, Text: "小镇迎来新图书馆"}
	para1   = loader.Block{Kind: loader.Paragraph, Text: "　　新馆藏书三万册，周末照常开放。"}
	image   = loader.Block{Kind: loader.Image, Text: loader.ImageText}
	para2   = loader.Block{Kind: loader.Paragraph, Text: "　　馆长说：“欢迎大家常来。”"}
	sep     = func(k loader.BlockKind) Line { return Line{Off: -1, Kind: k} }
)

var wrapCases = []wrapCase{
	{"none", nil, 20, nil},
	{"one", []loader.Block{heading}, 40, []Line{{"小镇迎来新图书馆", 0, loader.Heading}}},
	{"article", []loader.Block{heading, para1, image, para2}, 20, []Line{
		{"小镇迎来新图书馆", 0, loader.Heading},
		sep(loader.Heading),
		{"　　新馆藏书三万册，", 25, loader.Paragraph},
		{"周末照常开放。", 55, loader.Paragraph},
		sep(loader.Paragraph),
		{"[图片]", 77, loader.Image},
		sep(loader.Image),
		{"　　馆长说：“欢迎大", 86, loader.Paragraph},
		{"家常来。”", 116, loader.Paragraph},
	}},
	{"narrow", []loader.Block{heading, image}, 6, []Line{
		{"小镇迎", 0, loader.Heading},
		{"来新图", 9, loader.Heading},
		{"书馆", 18, loader.Heading},
		sep(loader.Heading),
		{"[图片]", 25, loader.Image},
	}},
	{"empty block", []loader.Block{heading, {Kind: loader.Paragraph}, image}, 40, []Line{
		{"小镇迎来新图书馆", 0, loader.Heading},
		sep(loader.Heading),
		{"", 25, loader.Paragraph},
		sep(loader.Paragraph),
		{"[图片]", 26, loader.Image},
	}},
}

func TestWrap(t *testing.T) {
	for _, c := range wrapCases {
		t.Run(c.name, func(t *testing.T) {
			got := Wrap(c.blocks, c.width, narrow)
			if !slices.Equal(got, c.want) {
				t.Errorf("Wrap(%d) =\n%+v\nwant\n%+v", c.width, got, c.want)
			}
			checkWrap(t, c.blocks, c.width, narrow, got)
		})
	}
}

// TestWrapOffsets checks on a long generated article that every line is the
// substring of the flat text at its offset, at several widths and both
// ambiguous-width settings.
func TestWrapOffsets(t *testing.T) {
	blocks := benchArticle(32 << 10)
	for _, cond := range []*struct {
		name string
		ea   bool
	}{{"narrow", false}, {"wide", true}} {
		c := narrow
		if cond.ea {
			c = wide
		}
		for _, width := range []int{1, 2, 3, 4, 10, 20, 40, 80, 200} {
			lines := Wrap(blocks, width, c)
			if len(lines) < len(blocks)*2-1 {
				t.Fatalf("%s/%d: %d lines for %d blocks", cond.name, width, len(lines), len(blocks))
			}
			checkWrap(t, blocks, width, c, lines)
		}
	}
}
