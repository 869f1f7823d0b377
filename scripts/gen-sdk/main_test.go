package main

import (
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// minimal is the smallest schema with one resource, in the shape of schema.json.
const minimal = `{
  "name": "demo", "version": "1.2.3",
  "resources": {"demo:index:Thing": {
    "properties": {"size": {"type": "string"}}, "required": ["size"],
    "inputProperties": {"size": {"type": "string"}}, "requiredInputs": ["size"]}}
}`

func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestLanguageDefaultsNeverOverrideTheSchema(t *testing.T) {
	schema := strings.Replace(minimal, `"name": "demo",`,
		`"name": "demo", "language": {"nodejs": {"packageName": "from-schema"}},`, 1)
	defaults := writeFile(t, "defaults.json",
		`{"nodejs": {"packageName": "from-defaults"}, "python": {"packageName": "demo_py"}}`)
	merged, err := withLanguageDefaults([]byte(schema), defaults)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Language map[string]map[string]string `json:"language"`
	}
	if err := json.Unmarshal(merged, &doc); err != nil {
		t.Fatal(err)
	}
	if got := doc.Language["nodejs"]["packageName"]; got != "from-schema" {
		t.Errorf("nodejs packageName = %q, want the schema's own %q", got, "from-schema")
	}
	if got := doc.Language["python"]["packageName"]; got != "demo_py" {
		t.Errorf("python packageName = %q, want the default %q", got, "demo_py")
	}
}

func TestEveryLanguageGeneratesOffline(t *testing.T) {
	logo := writeFile(t, "logo.png", "not really a png")
	http.DefaultTransport = offlineTransport{defaultLogo: logo}
	for _, lang := range languages {
		files, err := generate([]byte(minimal), lang)
		if err != nil {
			t.Fatalf("%s: %v", lang, err)
		}
		if len(files) == 0 {
			t.Fatalf("%s: no files", lang)
		}
	}
}

func TestGoSDKRequiresTheLinkedPulumiSDK(t *testing.T) {
	files, err := generate([]byte(minimal), "go")
	if err != nil {
		t.Fatal(err)
	}
	want := pulumiSDKModule + " " + moduleVersion(pulumiSDKModule)
	if !strings.Contains(string(files["go.mod"]), want) {
		t.Errorf("go.mod does not require %s:\n%s", want, files["go.mod"])
	}
}

func TestAReferenceToAnotherPackageFailsNamingIt(t *testing.T) {
	schema := strings.Replace(minimal, `"size": {"type": "string"}}, "required"`,
		`"size": {"type": "string"}, "bucket": {"$ref": "/aws/v6.0.0/schema.json#/resources/aws:s3:Bucket"}}, "required"`, 1)
	_, err := generate([]byte(schema), "nodejs")
	if err == nil || !strings.Contains(err.Error(), `"aws"`) {
		t.Fatalf("want an error naming package \"aws\", got %v", err)
	}
}

func TestNoRequestReachesTheNetwork(t *testing.T) {
	transport := offlineTransport{defaultLogo: writeFile(t, "logo.png", "x")}
	for _, url := range []string{"https://example.com/logo.png", dotnetDefaultLogoURL + "?x"} {
		req, err := http.NewRequest(http.MethodGet, url, nil)
		if err != nil {
			t.Fatal(err)
		}
		if resp, err := transport.RoundTrip(req); err == nil {
			_ = resp.Body.Close()
			t.Errorf("%s: fetched, want refused", url)
		}
	}
	if _, err := (offlineTransport{}).RoundTrip(mustRequest(t, dotnetDefaultLogoURL)); err == nil {
		t.Error("default logo served without -default-logo")
	}
}

func TestUnknownLanguage(t *testing.T) {
	if _, err := generate([]byte(minimal), "cobol"); err == nil || !strings.Contains(err.Error(), "cobol") {
		t.Fatalf("want an error naming the language, got %v", err)
	}
}

func mustRequest(t *testing.T, url string) *http.Request {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	return req
}
