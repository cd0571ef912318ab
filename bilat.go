// Package bilat holds what the binary embeds from the repository's root: the
// sample corpus the demo ingests.
package bilat

import "embed"

// Corpus is the project's own sample corpus (testdata/corpus/docs), written
// for bilat about real engagements; `bilat demo` ingests it.
//
//go:embed testdata/corpus/docs
var Corpus embed.FS

// Version is bilat's version, printed by `bilat version`.
const Version = "0.1.0"
