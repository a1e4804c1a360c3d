package testgorilla

// PersonalData is this package's personal-data declaration: the types
// whose JSON carries a candidate's or a user's data. Each such field is
// tagged beside its json tag with `personal:"<kind>"`, one of email,
// name, phone, address, text (free text: reviews, answers), url (links
// that lead to a person, such as an invitation link) or secret. Package
// recording reads the tags to scrub recorded traffic (a listed type's
// tagged keys wherever they appear; those of the types nested in it
// under the field that holds them). Tag the personal fields of every new
// type, and list here each type that is a resource or a request body of
// its own.
func PersonalData() []any {
	return []any{Candidature{}, Candidate{}, InviteParams{}, Invitation{}, Result{}, AntiCheating{}, CodeReport{}, loginBody{Username: ""}}
}

// loginBody declares the body of Login, which the client sends as a map:
// the username is a person's login, often their email address (the
// password goes as a credential by its key).
type loginBody struct {
	Username string `json:"username" personal:"name"`
}
