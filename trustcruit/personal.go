package trustcruit

// PersonalData is this package's personal-data declaration: the types
// whose JSON carries a candidate's or a recruiter's data. Each such
// field is tagged beside its json tag with `personal:"<kind>"`, one of
// email, name, phone, address, text, url or secret, and, on a map such
// as Tags, `personal:"<kind>,key=<entry>"` for the entries that hold
// personal data. Package recording reads the tags to scrub recorded
// traffic. Tag the personal fields of every new type, and list it here.
func PersonalData() []any {
	return []any{SubmitCandidateParams{}}
}
