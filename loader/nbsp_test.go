package loader

import (
	"reflect"
	"testing"

	"golang.org/x/net/html"
)

// TestTextTokenNBSPAsText checks the shortcut of textToken for a text
// token that is "&nbsp;" alone against what text does with the NBSP it
// decodes to, in every state a builder may be in before it (no block, a
// block, white space and newlines after it, a heading) and with what may
// come after it.
func TestTextTokenNBSPAsText(t *testing.T) {
	befores := []string{"", " ", "\u3000", "甲", "甲 ", "甲\n", "甲\n\n", "甲\u00a0", "a"}
	afters := []string{"", "乙", " 乙", "\n乙", "\u3000乙", "\n\u3000乙", "b", "&nbsp;", "&nbsp;乙"}
	for _, heading := range []bool{false, true} {
		for _, before := range befores {
			for _, after := range afters {
				var got, want blockBuilder
				got.heading, want.heading = heading, heading
				got.text([]byte(before))
				want.text([]byte(before))
				got.textToken("&nbsp;")
				want.text([]byte("\u00a0"))
				if !reflect.DeepEqual(got, want) {
					t.Fatalf("after %q: %+v, want %+v", before, got, want)
				}
				got.textToken(after)
				want.text([]byte(html.UnescapeString(after)))
				got.flush()
				want.flush()
				if !reflect.DeepEqual(got.blocks, want.blocks) {
					t.Fatalf("%q &nbsp; %q: %+v, want %+v", before, after, got.blocks, want.blocks)
				}
			}
		}
	}
}
