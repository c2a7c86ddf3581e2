package dev.dapkit.model.internal.json;

import java.lang.invoke.CallSite;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.function.Supplier;

/**
 * Method handles for the fields of a model class, typed {@code (Object)Object}, {@code (Object)int}
 * and so on, so that they are called with {@code invokeExact}, and a {@code Supplier} of new
 * instances.
 *
 * <p>LSP4J's jar is an automatic module on the module path, which opens every package, or sits in
 * the unnamed module on the class path: either way {@link MethodHandles#privateLookupIn} is
 * allowed, and the handles need no {@code setAccessible}. For a class in a module that does not
 * open its package to dapkit, {@code setAccessible} is tried, as Jackson does, and when that is
 * refused too the class stays with Jackson. Stateless.
 */
final class FieldAccess {

    private FieldAccess() {
    }

    /**
     * {@code (Object bean)Object[]}: the values of {@code fields}, in order, primitives boxed. One
     * handle per class, because a call of a handle that is not a constant costs about as much as the
     * field reads that one combined handle does together.
     */
    static MethodHandle values(List<Field> fields) throws ReflectiveOperationException {
        // (Object[] values, Object bean)Object[]: stores each field's value, returns the array
        MethodHandle fill = MethodHandles.dropArguments(MethodHandles.identity(Object[].class), 1, Object.class);
        MethodHandle store = MethodHandles.arrayElementSetter(Object[].class);
        for (int i = fields.size() - 1; i >= 0; i--) {
            Field field = fields.get(i);
            MethodHandle getter = lookupFor(field.getDeclaringClass(), field).unreflectGetter(field)
                    .asType(MethodType.methodType(Object.class, Object.class));
            MethodHandle storeField = MethodHandles.filterArguments(MethodHandles.insertArguments(store, 1, i), 1, getter);
            fill = MethodHandles.foldArguments(fill, storeField);
        }
        // a plain "new Object[n]": a collector built by asCollector creates its array reflectively, which costs more
        MethodHandle newArray = MethodHandles.insertArguments(MethodHandles.lookup().findStatic(FieldAccess.class,
                "newValues", MethodType.methodType(Object[].class, int.class)), 0, fields.size());
        return MethodHandles.foldArguments(fill, newArray);
    }

    private static Object[] newValues(int size) {
        return new Object[size];
    }

    static MethodHandle setter(Field field) throws IllegalAccessException {
        MethodHandle handle = lookupFor(field.getDeclaringClass(), field).unreflectSetter(field);
        return handle.asType(MethodType.methodType(void.class, Object.class, erased(field.getType())));
    }

    /**
     * Makes instances with the no-argument constructor. A public one is called from a lambda class
     * made by {@link LambdaMetafactory}, whose plain {@code new} allocates inline; a constructor
     * handle that is not a constant allocates through a slower runtime call.
     */
    static Supplier<Object> constructor(Class<?> type) throws ReflectiveOperationException {
        Constructor<?> constructor = type.getDeclaredConstructor();
        if (Modifier.isPublic(type.getModifiers()) && Modifier.isPublic(constructor.getModifiers())) {
            Supplier<Object> made = lambda(type);
            if (made != null) {
                return made;
            }
        }
        MethodHandle handle = lookupFor(type, constructor).unreflectConstructor(constructor)
                .asType(MethodType.methodType(Object.class));
        return () -> {
            try {
                return (Object) handle.invokeExact();
            } catch (Throwable t) {
                throw Property.rethrow(t);
            }
        };
    }

    @SuppressWarnings("unchecked")
    private static Supplier<Object> lambda(Class<?> type) {
        try {
            MethodHandles.Lookup own = MethodHandles.lookup();
            CallSite site = LambdaMetafactory.metafactory(own, "get", MethodType.methodType(Supplier.class),
                    MethodType.methodType(Object.class), own.findConstructor(type, MethodType.methodType(void.class)),
                    MethodType.methodType(type));
            return (Supplier<Object>) site.getTarget().invoke();
        } catch (Error e) {
            throw e;
        } catch (Throwable notAllowed) {
            // a class this module cannot read: the constructor handle does the job, only slower
            return null;
        }
    }

    private static MethodHandles.Lookup lookupFor(Class<?> type, AccessibleObject member) {
        try {
            return MethodHandles.privateLookupIn(type, MethodHandles.lookup());
        } catch (IllegalAccessException notOpen) {
            // throws InaccessibleObjectException when the module refuses: the caller keeps Jackson
            member.setAccessible(true);
            return MethodHandles.lookup();
        }
    }

    private static Class<?> erased(Class<?> type) {
        return type.isPrimitive() ? type : Object.class;
    }
}
