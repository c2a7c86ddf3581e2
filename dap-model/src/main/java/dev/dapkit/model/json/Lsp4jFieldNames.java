package dev.dapkit.model.json;

import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.introspect.AnnotatedField;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.NopAnnotationIntrospector;

/**
 * Names LSP4J's fields the way its Gson {@code @SerializedName} annotations do. LSP4J's generator
 * appends an underscore to a property whose name is a Java keyword ({@code default_}) and annotates
 * the field with the JSON name; without Gson on the class path that annotation is invisible, so the
 * rule is applied here: a field of an LSP4J class ending in one underscore is written without it.
 * Other names ({@code __restart}) are written as they are.
 */
final class Lsp4jFieldNames extends NopAnnotationIntrospector {

    private static final long serialVersionUID = 1L;
    private static final String LSP4J = "org.eclipse.lsp4j.";

    @Override
    public String findImplicitPropertyName(AnnotatedMember member) {
        if (member instanceof AnnotatedField && member.getDeclaringClass().getName().startsWith(LSP4J)) {
            String name = member.getName();
            if (name.length() > 1 && name.endsWith("_") && name.charAt(name.length() - 2) != '_') {
                return name.substring(0, name.length() - 1);
            }
        }
        return null;
    }

    @Override
    public Version version() {
        return Version.unknownVersion();
    }
}
