package dev.dapkit.target.jvm.internal.eval;

import com.sun.jdi.AbsentInformationException;
import com.sun.jdi.ArrayReference;
import com.sun.jdi.Field;
import com.sun.jdi.LocalVariable;
import com.sun.jdi.ObjectReference;
import com.sun.jdi.PrimitiveValue;
import com.sun.jdi.ReferenceType;
import com.sun.jdi.StackFrame;
import com.sun.jdi.Value;
import java.util.Optional;

/**
 * Resolves names (JLS 6.5): a simple name is a local variable, else a field of {@code this}
 * or of the current class (also of enclosing instances and classes, and a variable captured
 * by an anonymous class), else a type, else the start of a package name; a qualified name
 * continues from what its qualifier turned out to be.
 *
 * <p>Not thread-safe; one per evaluation.
 */
final class Names {

    /** What a name denotes. */
    sealed interface Resolved {}

    /** A variable or field, to read or assign. */
    record VariableRef(Variable variable) implements Resolved {}

    /** The value of an expression that is not a variable ({@code foo().bar}'s {@code foo()}). */
    record ValueRef(Operand operand) implements Resolved {}

    record TypeRef(ReferenceType type) implements Resolved {}

    record PackageRef(String name) implements Resolved {}

    private final Interpreter interpreter;
    private final EvaluationScope scope;
    private final TypeLookup types;

    Names(Interpreter interpreter, EvaluationScope scope, TypeLookup types) {
        this.interpreter = interpreter;
        this.scope = scope;
        this.types = types;
    }

    /** Resolves a name chain; any other expression is evaluated to a {@link ValueRef}. */
    Resolved resolve(Expr expr) throws EvaluationException {
        if (expr instanceof Expr.Name) {
            return simple(((Expr.Name) expr).identifier());
        }
        if (expr instanceof Expr.FieldAccess) {
            Expr.FieldAccess access = (Expr.FieldAccess) expr;
            Resolved qualifier = resolve(access.target());
            if (qualifier instanceof VariableRef) {
                return member(((VariableRef) qualifier).variable().read(), access);
            }
            if (qualifier instanceof ValueRef) {
                return member(((ValueRef) qualifier).operand(), access);
            }
            if (qualifier instanceof TypeRef) {
                return staticMember(((TypeRef) qualifier).type(), access.name());
            }
            String name = ((PackageRef) qualifier).name() + "." + access.name();
            Optional<ReferenceType> type = types.byBinaryName(name);
            return type.isPresent() ? new TypeRef(type.get()) : new PackageRef(name);
        }
        if (expr instanceof Expr.ArrayAccess) {
            return new VariableRef(arrayElement((Expr.ArrayAccess) expr));
        }
        return new ValueRef(interpreter.evaluate(expr));
    }

    /** The value a name chain denotes, or an error when it is a type or unknown. */
    Operand value(Expr expr) throws EvaluationException {
        return variableOrValue(resolve(expr), expr);
    }

    /** The variable a name chain or array access denotes, for assignment. */
    Variable variable(Expr expr) throws EvaluationException {
        Resolved resolved = resolve(expr);
        if (resolved instanceof VariableRef) {
            return ((VariableRef) resolved).variable();
        }
        if (resolved instanceof ValueRef) {
            throw new EvaluationException("the left-hand side of an assignment must be a variable");
        }
        throw notAValue(resolved, expr);
    }

    Operand variableOrValue(Resolved resolved, Expr expr) throws EvaluationException {
        if (resolved instanceof VariableRef) {
            return ((VariableRef) resolved).variable().read();
        }
        if (resolved instanceof ValueRef) {
            return ((ValueRef) resolved).operand();
        }
        throw notAValue(resolved, expr);
    }

    private EvaluationException notAValue(Resolved resolved, Expr expr) {
        if (resolved instanceof TypeRef) {
            return new EvaluationException(TypeRelations.displayName(((TypeRef) resolved).type().name())
                    + " is a type, not a value");
        }
        String name = ((PackageRef) resolved).name();
        if (name.indexOf('.') < 0) {
            return new EvaluationException(name + " cannot be resolved to a variable" + localsHint());
        }
        return new EvaluationException(name + " cannot be resolved: no variable, field or loaded type has that name");
    }

    private String localsHint() {
        try {
            scope.frame().visibleVariables();
            return "";
        } catch (AbsentInformationException e) {
            return " (local variables are unknown here: the class was compiled without debug information, -g)";
        } catch (EvaluationException e) {
            return "";
        }
    }

    private Resolved simple(String name) throws EvaluationException {
        StackFrame frame = scope.frame();
        try {
            LocalVariable local = frame.visibleVariableByName(name);
            if (local != null) {
                return new VariableRef(new Variable.Local(scope, local));
            }
        } catch (AbsentInformationException e) {
            // No local variable table: fields, types and packages can still be found.
        }
        Variable field = fieldInScope(frame, name);
        if (field != null) {
            return new VariableRef(field);
        }
        Optional<ReferenceType> type = types.findClass(name);
        return type.isPresent() ? new TypeRef(type.get()) : new PackageRef(name);
    }

    /** A field of {@code this}, of an enclosing instance, or a static field of the current or an enclosing class. */
    private Variable fieldInScope(StackFrame frame, String name) {
        ObjectReference self = frame.thisObject();
        for (ObjectReference object = self; object != null; object = enclosingInstance(object)) {
            Field field = object.referenceType().fieldByName(name);
            if (field == null) {
                field = object.referenceType().fieldByName("val$" + name);
            }
            if (field != null) {
                return field.isStatic() ? new Variable.StaticField(field.declaringType(), field)
                        : new Variable.InstanceField(object, field);
            }
        }
        ReferenceType current = types.currentType();
        for (String typeName = current.name(); ; typeName = typeName.substring(0, typeName.lastIndexOf('$'))) {
            Optional<ReferenceType> type = typeName.equals(current.name()) ? Optional.of(current) : types.byBinaryName(typeName);
            if (type.isPresent()) {
                Field field = type.get().fieldByName(name);
                if (field != null && field.isStatic()) {
                    return new Variable.StaticField(type.get(), field);
                }
            }
            if (typeName.lastIndexOf('$') <= typeName.lastIndexOf('.')) {
                return null;
            }
        }
    }

    /** The object an inner class instance was created in ({@code this$0}), or null. */
    static ObjectReference enclosingInstance(ObjectReference object) {
        for (Field field : object.referenceType().fields()) {
            if (field.name().startsWith("this$") && field.isSynthetic()) {
                Value outer = object.getValue(field);
                return outer instanceof ObjectReference ? (ObjectReference) outer : null;
            }
        }
        return null;
    }

    private Resolved member(Operand target, Expr.FieldAccess access) throws EvaluationException {
        String name = access.name();
        Value value = target.value();
        if (value == null) {
            throw new EvaluationException("java.lang.NullPointerException: cannot read field \"" + name + "\" because "
                    + describe(access.target()) + " is null");
        }
        if (value instanceof PrimitiveValue) {
            throw new EvaluationException("the primitive type " + target.typeName() + " of " + describe(access.target())
                    + " does not have a field " + name);
        }
        if (value instanceof ArrayReference) {
            if ("length".equals(name)) {
                return new VariableRef(new Variable.ArrayLength((ArrayReference) value));
            }
            throw new EvaluationException(name + " cannot be resolved or is not a field of the array type " + target.typeName());
        }
        ObjectReference object = (ObjectReference) value;
        Field field = null;
        if (target.type() instanceof ReferenceType) {
            field = ((ReferenceType) target.type()).fieldByName(name);
        }
        if (field == null) {
            field = object.referenceType().fieldByName(name);
        }
        if (field == null) {
            throw new EvaluationException(name + " cannot be resolved or is not a field of the type "
                    + TypeRelations.displayName(object.referenceType().name()));
        }
        return new VariableRef(field.isStatic() ? new Variable.StaticField(field.declaringType(), field)
                : new Variable.InstanceField(object, field));
    }

    private Resolved staticMember(ReferenceType type, String name) throws EvaluationException {
        Field field = type.fieldByName(name);
        if (field != null) {
            if (!field.isStatic()) {
                throw new EvaluationException("cannot make a static reference to the non-static field "
                        + TypeRelations.displayName(type.name()) + "." + name);
            }
            return new VariableRef(new Variable.StaticField(type, field));
        }
        Optional<ReferenceType> nested = types.byBinaryName(type.name() + "$" + name);
        if (nested.isPresent()) {
            return new TypeRef(nested.get());
        }
        throw new EvaluationException(name + " cannot be resolved or is not a field of the type "
                + TypeRelations.displayName(type.name()));
    }

    Variable arrayElement(Expr.ArrayAccess access) throws EvaluationException {
        Operand array = interpreter.evaluate(access.array());
        Operand index = interpreter.conversions().primitive(interpreter.evaluate(access.index()), "[]");
        if (!TypeRelations.isIntegral(index.typeName()) || "long".equals(index.typeName())) {
            throw new EvaluationException("type mismatch: an array index must be an int, but is " + index.typeName());
        }
        if (array.value() == null) {
            throw new EvaluationException("java.lang.NullPointerException: cannot load from array because "
                    + describe(access.array()) + " is null");
        }
        if (!(array.value() instanceof ArrayReference)) {
            throw new EvaluationException("the type of " + describe(access.array()) + " must be an array type but it resolved to "
                    + TypeRelations.displayName(array.typeName()));
        }
        ArrayReference reference = (ArrayReference) array.value();
        int i = index.primitive().intValue();
        if (i < 0 || i >= reference.length()) {
            throw new EvaluationException("java.lang.ArrayIndexOutOfBoundsException: Index " + i
                    + " out of bounds for length " + reference.length());
        }
        return new Variable.ArrayElement(reference, i);
    }

    /** {@code "a.b"} for a name chain, else {@code the expression at column 5}. */
    static String describe(Expr expr) {
        String name = TypeSyntax.qualifiedName(expr);
        if (name != null) {
            return "\"" + name + "\"";
        }
        if (expr instanceof Expr.MethodCall) {
            return "the return value of \"" + ((Expr.MethodCall) expr).name() + "()\"";
        }
        return "the expression at column " + expr.column();
    }
}
