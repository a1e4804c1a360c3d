package fake_test

import (
	"fmt"
	"io"
	"net/http"

	"github.com/recruitkit/recruitkit-go/internal/fake"
)

func ExampleServer_Inject() {
	s := fake.New(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { io.WriteString(w, "hello") }), fake.DetailError)
	defer s.Close()
	s.Inject(fake.Fault{Status: http.StatusTeapot, Body: "injected"})

	for range 2 {
		resp, err := http.Get(s.URL())
		if err != nil {
			fmt.Println(err)
			return
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		fmt.Println(resp.StatusCode, string(b))
	}
	// Output:
	// 418 injected
	// 200 hello
}
