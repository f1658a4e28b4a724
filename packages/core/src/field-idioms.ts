/**
 * Framework idioms that declare or read a field, read by `structure.ts` from the text before a
 * name: Rails form builders, Java column annotations, PHP properties, ORM entity annotations and
 * getters by name. Each pattern runs on at most one line's few hundred characters and is bounded.
 */

// A Java annotation naming a column: `@Column(name = "x"`, `@TableField("x"`, `@TableField(value = "x"`.
export const JAVA_COLUMN_ANNOTATION =
  /@(?:Column|TableField|JoinColumn|TableId)\(\s{0,4}(?:(?:name|value)\s{0,4}=\s{0,4})?["']$/;
// Rails form builders: `f.text_field :x`, `f.password_field :x`, SimpleForm `f.input :x`, and the
// `_tag` helpers (`text_field_tag :x`); a form builder's `f.label :x` names the input.
export const RAILS_FORM_INPUT =
  /(?:\b\w{1,20}\.(?:text_field|password_field|text_area|hidden_field|email_field|input)|\b(?:text_field|password_field|hidden_field|text_area)_tag)\s{0,4}\(?\s{0,4}:$/;
export const RAILS_FORM_LABEL = /\b\w{1,20}\.label\s{0,4}\(?\s{0,4}:$/;
// The object a getter by name reads from (`shop.get(`, `row.getString(`), up to the call's paren.
export const GETTER_CHAIN = /(\$?[A-Za-z_][\w.]{0,60})\.(?:get|getString|optString|getStr|fetch)\(\s{0,4}$/;

// An ORM entity's class annotation: JPA/Hibernate `@Entity` and `@Table(`, MyBatis-Plus
// `@TableName(`, Spring Data `@Document(`, TypeORM `@Entity(`, EF `[Table("…")]`, Doctrine
// `@ORM\Entity` and `#[ORM\Entity]`.
const ENTITY_ANNOTATION = /@(?:Entity|Table|TableName|Document)\b|\[Table\(|\bORM\\(?:Entity|Table)\b/;
// A PHP class property up to its name: `private $`, `protected ?string $`, `public static $`.
export const PHP_PROPERTY =
  /^\s{0,40}(?:(?:public|private|protected|var|static|readonly)\s{1,4}){1,3}(?:\??[\w\\]{1,60}\s{1,4})?\$$/;
let entityText: string | undefined;
let entityDeclared = false;

/** True when `text` declares an ORM entity: its class's fields are stored columns (memoized for the last text). */
export function declaresEntity(text: string): boolean {
  if (text !== entityText) {
    entityText = text;
    entityDeclared = ENTITY_ANNOTATION.test(text);
  }
  return entityDeclared;
}
