package dev.meridian.agent.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UriRedactionTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "access_token                 | /api?access_token=s3cr3t                     | /api?access_token=REDACTED",
                "the rest kept exactly        | /api/v1/pods?watch=1&access_token=a.b-c&limit=5 | /api/v1/pods?watch=1&access_token=REDACTED&limit=5",
                "last of several              | /api?x=1&password=p%20w                      | /api?x=1&password=REDACTED",
                "any case                     | /api?Access_Token=t                          | /api?Access_Token=REDACTED",
                "hyphen for underscore        | /api?access-token=t                          | /api?access-token=REDACTED",
                "percent-encoded letter       | /api?%61ccess_token=t                        | /api?%61ccess_token=REDACTED",
                "percent-encoded underscore   | /api?access%5Ftoken=t                        | /api?access%5Ftoken=REDACTED",
                "token                        | /api?token=t                                 | /api?token=REDACTED",
                "id_token                     | /api?id_token=t                              | /api?id_token=REDACTED",
                "refresh_token                | /api?refresh_token=t                         | /api?refresh_token=REDACTED",
                "client_secret                | /api?client_secret=t                         | /api?client_secret=REDACTED",
                "client_assertion             | /api?client_assertion=t                      | /api?client_assertion=REDACTED",
                "passwd                       | /api?passwd=t                                | /api?passwd=REDACTED",
                "sig (SAS)                    | /api?sv=2022&sig=abc%2Bdef                   | /api?sv=2022&sig=REDACTED",
                "signature                    | /api?signature=t                             | /api?signature=REDACTED",
                "AWS signed URL               | /o?X-Amz-Credential=c&X-Amz-Signature=s&X-Amz-Security-Token=t | /o?X-Amz-Credential=REDACTED&X-Amz-Signature=REDACTED&X-Amz-Security-Token=REDACTED",
                "OAuth code                   | /callback?code=c&state=s                     | /callback?code=REDACTED&state=s",
                "API keys                     | /api?key=k&apiKey=k&x-api-key=k              | /api?key=REDACTED&apiKey=REDACTED&x-api-key=REDACTED",
                "jwt and auth                 | /api?jwt=j&auth=a&authorization=b            | /api?jwt=REDACTED&auth=REDACTED&authorization=REDACTED",
                "repeated                     | /api?token=a&token=b                         | /api?token=REDACTED&token=REDACTED",
                "semicolon separator          | /api?a=1;token=b                             | /api?a=1;token=REDACTED",
                "value holding '='            | /api?token=a=b&x=1                           | /api?token=REDACTED&x=1",
                "empty pairs around           | /api?&&token=a&                              | /api?&&token=REDACTED&",
                "broken escape still ends in token | /api?%zztoken=a                         | /api?%zztoken=REDACTED",
            })
    void credentialValuesAreRedacted(String name, String uri, String redacted) {
        assertThat(UriRedaction.redact(uri)).as(name).isEqualTo(redacted);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "no query                     | /api/v1/namespaces/default/pods",
                "empty query                  | /api/v1/pods?",
                "Kubernetes list parameters   | /api/v1/pods?watch=1&resourceVersion=7&labelSelector=app%3Dweb&fieldManager=kubectl&continue=eyJ2Ijo",
                "exec parameters              | /api/v1/namespaces/a/pods/p/exec?command=sh&stdin=true&tty=true&container=c",
                "names that only resemble     | /api?tokens=1&keys=2&monkey=3&codec=4&signatures=5&tokenizer=6",
                "empty value                  | /api?token=&x=1",
                "no value                     | /api?token&x=1",
                "empty name                   | /api?=token",
                "credential word in a value   | /api?fieldSelector=metadata.name%3Dtoken&x=password",
                "percent-escape decoding to a plain name | /api?%74okens=1",
            })
    void otherTargetsAreKeptAsTheyAre(String name, String uri) {
        assertThat(UriRedaction.redact(uri)).as(name).isSameAs(uri);
    }

    @Test
    void aTokenInThePathIsNotMistakenForAQuery() {
        String uri = "/api/v1/namespaces/token=abc/pods";
        assertThat(UriRedaction.redact(uri)).isSameAs(uri);
    }
}
