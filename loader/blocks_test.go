package loader

// The ways of cleaning as functions returning the blocks, for the tests
// that compare them.

// parseHTML is parseInto with a fresh builder.
func parseHTML(pieces []string) []Block {
	var b blockBuilder
	parseInto(&b, pieces)
	return b.blocks
}

// tokenize is tokenizeInto with a fresh builder.
func tokenize(pieces []string) []Block {
	var b blockBuilder
	tokenizeInto(&b, pieces)
	return b.blocks
}

// scanTags is scanTagsInto with a fresh builder; ok is false where it
// leaves the text to the tokenizer.
func scanTags(pieces []string) (blocks []Block, ok bool) {
	var b blockBuilder
	if !scanTagsInto(&b, pieces) {
		return nil, false
	}
	return b.blocks, true
}
