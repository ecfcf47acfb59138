#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""The session probe of the Shibboleth interop SP: a CGI behind
`AuthType shibboleth`, `ShibRequestSetting requireSession 0`, `Require shib-session`, so Apache answers
401 without a Shibboleth session and runs this only with one. It prints the session as JSON: the
attributes mod_shib exported (named by their claim URIs again, via the attribute map), the NameID and
its format, the IdP, the session's own variables."""
import json
import os
import xml.etree.ElementTree as ET

MAP = "urn:mace:shibboleth:2.0:attribute-map"
EMAIL = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress"


def values(raw):
    """mod_shib joins multiple values with ';' and escapes ';' inside a value as '\\;'."""
    out, current, i = [], "", 0
    while i < len(raw):
        if raw[i] == "\\" and i + 1 < len(raw) and raw[i + 1] == ";":
            current += ";"
            i += 2
            continue
        if raw[i] == ";":
            out.append(current)
            current = ""
        else:
            current += raw[i]
        i += 1
    out.append(current)
    return out


def main():
    names, nameid_formats = {}, {}
    attribute_map = os.environ.get("SAMLT_ATTRIBUTE_MAP", "")
    for attribute in ET.parse(attribute_map).getroot().findall(f"{{{MAP}}}Attribute"):
        id_, name = attribute.get("id"), attribute.get("name")
        if id_.startswith("nameid_"):
            nameid_formats[id_] = name
        else:
            names.setdefault(id_, name)
    # Apache turns the characters of variable names that are not letters, digits or '_' into '_' for
    # CGI (Shib-Identity-Provider becomes Shib_Identity_Provider).
    env = {k.replace("-", "_"): v for k, v in os.environ.items()}
    attributes = {}
    for id_, name in names.items():
        if env.get(id_.replace("-", "_")):
            attributes[name] = values(env[id_.replace("-", "_")])
    name_id = name_id_format = None
    for id_, fmt in nameid_formats.items():
        if env.get(id_):
            name_id, name_id_format = values(env[id_])[0], fmt
            break
    session = {
        "result": "ACCEPT",
        "sp": "shibboleth",
        "name_id": name_id,
        "name_id_format": name_id_format,
        "issuer": env.get("Shib_Identity_Provider"),
        "email": (attributes.get(EMAIL) or [None])[0],
        "remote_user": env.get("REMOTE_USER"),
        "session_id": env.get("Shib_Session_ID"),
        "session_index": env.get("Shib_Session_Index"),
        "authn_instant": env.get("Shib_Authentication_Instant"),
        "authn_context": env.get("Shib_AuthnContext_Class"),
        "attributes": attributes,
    }
    body = json.dumps(session, ensure_ascii=False).encode()
    out = os.fdopen(1, "wb")
    out.write(b"Content-Type: application/json; charset=utf-8\r\nCache-Control: no-store\r\n")
    out.write(b"Content-Length: %d\r\n\r\n" % len(body))
    out.write(body)
    out.flush()


main()
