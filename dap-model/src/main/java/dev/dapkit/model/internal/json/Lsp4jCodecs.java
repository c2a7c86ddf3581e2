package dev.dapkit.model.internal.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.AnnotatedField;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.validation.NonNull;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and writes LSP4J Debug's model beans ({@code org.eclipse.lsp4j.debug.*}) and arrays of them
 * straight from and to UTF-8 bytes, with the mapping of the given Jackson mapper: the property
 * names, their order and the enum names are taken from the mapper once per class, and the values
 * this package does not model are read and written by the mapper itself. The result is the same
 * as the mapper's, several times faster.
 *
 * <p>Classes are compiled on first use and cached. Thread-safe.
 */
public final class Lsp4jCodecs {

    private static final Logger LOG = LoggerFactory.getLogger(Lsp4jCodecs.class);
    private static final String PACKAGE = "org.eclipse.lsp4j.debug";
    private static final TypeCodec NOT_HANDLED = new TypeCodec(null);
    /** A method handle takes at most 255 arguments; LSP4J's largest bean has about 50 fields. */
    private static final int MAX_PROPERTIES = 250;

    private final ObjectMapper mapper;
    private final ScalarCodecs scalars;
    /** Per class, so that caching a codec never keeps an application's class from being unloaded. */
    private final ClassValue<TypeCodec> roots = new ClassValue<>() {
        @Override
        protected TypeCodec computeValue(Class<?> type) {
            return compileRoot(type);
        }
    };
    private final ClassValue<ValueCodec> runtimeWriters = new ClassValue<>() {
        @Override
        protected ValueCodec computeValue(Class<?> type) {
            return new JacksonCodec(mapper, mapper.constructType(type));
        }
    };
    /** Compiled beans, enums and Jackson readers; guarded by {@code this}. */
    private final Map<Class<?>, BeanCodec> beans = new HashMap<>();
    private final Map<Class<?>, EnumCodec> enums = new HashMap<>();
    private final Map<Type, JacksonCodec> delegates = new HashMap<>();

    public Lsp4jCodecs(ObjectMapper mapper) {
        this.mapper = mapper;
        this.scalars = new ScalarCodecs(mapper);
    }

    /** Whether {@code type} (an LSP4J Debug bean class or an array of one) is read and written here. */
    public boolean handles(Class<?> type) {
        return root(type) != null;
    }

    /** The codec for {@code type}, or null when {@code type} is not an LSP4J Debug bean class or an array of one. */
    public TypeCodec codecFor(Class<?> type) {
        return root(type);
    }

    /**
     * Reads the one JSON value in {@code utf8[offset, offset + length)} as a {@code type}, which this
     * codec {@link #handles}.
     *
     * @throws MalformedJsonException when the text is not one well-formed JSON value
     * @throws JsonBindException when the value does not fit {@code type}
     */
    public Object read(Class<?> type, byte[] utf8, int offset, int length) {
        return root(type).read(utf8, offset, length);
    }

    /**
     * Writes {@code value}, whose class this codec {@link #handles}, as UTF-8 JSON.
     *
     * @throws JsonWriteException when Jackson cannot write a value this codec handed to it
     */
    public byte[] write(Object value) {
        return root(value.getClass()).writeToBuffer(value).toByteArray();
    }

    /** The codec for a bean whose class differs from the declared one; Jackson's for a class outside LSP4J. */
    ValueCodec writerForRuntimeClass(Class<?> type) {
        TypeCodec root = root(type);
        if (root != null) {
            return root.codec;
        }
        return runtimeWriters.get(type);
    }

    private TypeCodec root(Class<?> type) {
        TypeCodec root = roots.get(type);
        return root == NOT_HANDLED ? null : root;
    }

    private synchronized TypeCodec compileRoot(Class<?> type) {
        Class<?> beanType = type.isArray() ? type.getComponentType() : type;
        if (!isModelBean(beanType)) {
            return NOT_HANDLED;
        }
        Set<Class<?>> known = Set.copyOf(beans.keySet());
        try {
            BeanCodec bean = bean(beanType);
            if (!type.isArray()) {
                return new TypeCodec(bean);
            }
            return new TypeCodec(new ArrayCodecs.OfObjects(type.asSubclass(Object[].class), bean, delegate(type)));
        } catch (ReflectiveOperationException | JsonProcessingException | RuntimeException e) {
            beans.keySet().retainAll(known);
            LOG.debug("{} stays with Jackson: {}", type.getName(), e.toString());
            return NOT_HANDLED;
        }
    }

    private static boolean isModelBean(Class<?> type) {
        if (!type.getPackageName().equals(PACKAGE) || type.isEnum() || type.isInterface() || type.isArray()
                || Modifier.isAbstract(type.getModifiers()) || type.getEnclosingClass() != null) {
            return false;
        }
        try {
            return Modifier.isPublic(type.getConstructor().getModifiers());
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private BeanCodec bean(Class<?> type) throws ReflectiveOperationException, JsonProcessingException {
        BeanCodec codec = beans.get(type);
        if (codec != null) {
            return codec;
        }
        codec = new BeanCodec(type, this);
        beans.put(type, codec);
        JavaType javaType = mapper.constructType(type);
        List<BeanPropertyDefinition> written = mapper.getSerializationConfig().introspect(javaType).findProperties();
        Set<String> read = mapper.getDeserializationConfig().introspect(javaType).findProperties().stream()
                .map(BeanPropertyDefinition::getName).collect(Collectors.toSet());
        if (written.size() > MAX_PROPERTIES) {
            throw new NoSuchFieldException(type.getName() + " has more than " + MAX_PROPERTIES + " properties");
        }
        List<Property> properties = new ArrayList<>(written.size());
        List<Field> fields = new ArrayList<>(written.size());
        int required = 0;
        for (BeanPropertyDefinition definition : written) {
            AnnotatedField field = definition.getField();
            if (field == null || !read.contains(definition.getName())) {
                throw new NoSuchFieldException(type.getName() + " property '" + definition.getName()
                        + "' is not a field that Jackson both reads and writes");
            }
            long requiredBit = 0;
            if (isRequired(field.getAnnotated())) {
                if (required == Long.SIZE) {
                    throw new NoSuchFieldException(type.getName() + " has more than " + Long.SIZE + " required properties");
                }
                requiredBit = 1L << required++;
            }
            properties.add(property(definition.getName(), properties.size(), requiredBit, field.getAnnotated()));
            fields.add(field.getAnnotated());
        }
        if (read.size() != properties.size()) {
            throw new NoSuchFieldException(type.getName() + " has properties Jackson reads but does not write");
        }
        codec.complete(FieldAccess.constructor(type), FieldAccess.values(fields), properties, delegate(type));
        return codec;
    }

    /**
     * Whether DAP requires the field: LSP4J marks its required properties {@link NonNull}, and a
     * primitive one is required as well (a missing {@code threadId} would bind silently to 0).
     */
    private static boolean isRequired(Field field) {
        return field.getType().isPrimitive() || field.isAnnotationPresent(NonNull.class);
    }

    private Property property(String name, int index, long requiredBit, Field field)
            throws ReflectiveOperationException, JsonProcessingException {
        Class<?> type = field.getType();
        if (type == int.class) {
            return new Property.IntField(name, index, requiredBit, FieldAccess.setter(field), scalars.primitiveInts);
        }
        if (type == boolean.class) {
            return new Property.BooleanField(name, index, requiredBit, FieldAccess.setter(field),
                    scalars.primitiveBooleans);
        }
        if (type.isPrimitive()) {
            throw new NoSuchFieldException(field + " is a primitive other than int and boolean");
        }
        if (type == String.class) {
            return new Property.StringField(name, index, requiredBit, FieldAccess.setter(field), scalars.strings);
        }
        return new Property.ReferenceField(name, index, requiredBit, FieldAccess.setter(field),
                codec(field.getGenericType()));
    }

    private ValueCodec codec(Type type) throws ReflectiveOperationException, JsonProcessingException {
        if (type == String.class) {
            return scalars.strings;
        }
        if (type == Integer.class) {
            return scalars.integers;
        }
        if (type == Boolean.class) {
            return scalars.booleans;
        }
        if (type == Double.class) {
            return scalars.doubles;
        }
        if (type instanceof Class<?> c) {
            if (c.isEnum() && c.getPackageName().equals(PACKAGE)) {
                EnumCodec codec = enums.get(c);
                if (codec == null) {
                    codec = new EnumCodec(mapper, c);
                    enums.put(c, codec);
                }
                return codec;
            }
            if (isModelBean(c)) {
                return bean(c);
            }
            if (c == int[].class) {
                return new ArrayCodecs.OfInts(delegate(c));
            }
            if (c.isArray() && !c.getComponentType().isPrimitive()) {
                ValueCodec elements = codec(c.getComponentType());
                if (!(elements instanceof JacksonCodec)) {
                    return new ArrayCodecs.OfObjects(c.asSubclass(Object[].class), elements, delegate(c));
                }
            }
        } else if (isIntOrString(type)) {
            return scalars.intOrString(delegate(type));
        }
        return delegate(type);
    }

    private static boolean isIntOrString(Type type) {
        if (type instanceof ParameterizedType p && p.getRawType() == Either.class) {
            Type[] branches = p.getActualTypeArguments();
            return branches[0] == Integer.class && branches[1] == String.class;
        }
        return false;
    }

    private JacksonCodec delegate(Type type) {
        return delegates.computeIfAbsent(type, t -> new JacksonCodec(mapper, mapper.constructType(t)));
    }

    /**
     * The fast codec of one LSP4J Debug bean class or array type, and how large the last value written
     * with it was, as the next buffer's size. Thread-safe.
     */
    public static final class TypeCodec {
        private final ValueCodec codec;
        /** Racy on purpose: any recent size is a good guess. */
        private int sizeHint = 256;

        TypeCodec(ValueCodec codec) {
            this.codec = codec;
        }

        /**
         * Reads the one JSON value in {@code utf8[offset, offset + length)}.
         *
         * @throws MalformedJsonException when the text is not one well-formed JSON value
         * @throws JsonBindException when the value does not fit the type
         */
        public Object read(byte[] utf8, int offset, int length) {
            return read(new Utf8JsonReader(utf8, offset, length));
        }

        /**
         * Reads as {@link #read} does, and refuses a bean that lacks a required property or has it as
         * null, in nested beans and arrays of them too: the first such property met ends the read.
         *
         * @throws MalformedJsonException when the text is not one well-formed JSON value
         * @throws JsonBindException when the value does not fit the type or lacks a required property
         */
        public Object readChecked(byte[] utf8, int offset, int length) {
            Utf8JsonReader in = new Utf8JsonReader(utf8, offset, length);
            in.checkRequired = true;
            return read(in);
        }

        /**
         * The path ({@code breakpoints[1].line}) of the first required property that {@code json}
         * lacks or has as null, in property order, depth first; null when it lacks none. Values of the
         * wrong kind are passed over: binding reports them.
         */
        public String firstMissing(JsonNode json) {
            return codec.firstMissing(json);
        }

        /**
         * Reads the JSON value that starts at {@code in}'s position, which must be at a value (a
         * field's, say, right after its name), and leaves {@code in} after it: a value inside a
         * larger text is bound without being sliced out and scanned first. On an exception the
         * position and depth are wherever the read stopped; a caller that goes on reads from a mark.
         *
         * @throws MalformedJsonException when the value is not well-formed JSON
         * @throws JsonBindException when the value does not fit the type
         */
        public Object readValue(Utf8JsonReader in) {
            if (in.peek() == 'n') {
                in.readNull();
                return null;
            }
            return codec.read(in);
        }

        private Object read(Utf8JsonReader in) {
            in.skipByteOrderMark();
            if (in.peek() < 0) {
                throw new JsonBindException("No content to map due to end-of-input", null);
            }
            Object value = readValue(in);
            if (in.peek() >= 0) {
                throw in.unexpected("expected the end of the input after the JSON value");
            }
            return value;
        }

        /**
         * Writes {@code value}, an instance of the type, and returns the writer, whose array the
         * caller may keep instead of copying it.
         *
         * @throws JsonWriteException when Jackson cannot write a value this codec handed to it
         */
        public Utf8JsonWriter writeToBuffer(Object value) {
            Utf8JsonWriter out = new Utf8JsonWriter(sizeHint);
            codec.write(value, out);
            sizeHint = out.size() + (out.size() >> 4) + 64;
            return out;
        }
    }
}
