package truto

// PersonalData is this package's personal-data declaration: the types
// whose JSON carries a candidate's or a user's data. Each such field is
// tagged beside its json tag with `personal:"<kind>"`, one of email,
// name, phone, address, text (free text: titles, answers, file names,
// an ATS's own record), url (a person's links and files) or secret (a
// credential: a link token, a webhook's secret, an account's context).
// Package recording reads the tags to scrub recorded traffic: the tagged
// keys of a listed type wherever they appear, and those of the types
// nested in it (Email, Phone, FormFieldAnswer) only under the field that
// holds them, so that a common key such as "value" elsewhere is kept.
// Tag the personal fields of every new type, and list here each type
// that is a record or a request body of its own.
func PersonalData() []any {
	return []any{
		Candidate{}, CandidateInput{}, Application{}, Attachment{}, User{}, Job{},
		Activity{}, ActivityInput{}, EEOC{}, Interview{}, Offer{}, Scorecard{},
		CreateLinkTokenParams{}, LinkToken{}, IntegratedAccount{}, UpdateIntegratedAccountParams{}, AccountToken{}, Webhook{},
	}
}
