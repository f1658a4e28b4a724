import { isSellerHolder } from './value-shape.js';

/**
 * Framework idioms that declare or read a field, read by `structure.ts` from the text before a
 * name: Rails form builders, Java column annotations, PHP properties, ORM entity annotations and
 * getters by name; validation rules, form helpers and controls, Razor and HTML form attributes,
 * Django migrations and Entity Framework mappings. Each pattern runs on at most one line's few
 * hundred characters and is bounded.
 */

// A Java annotation naming a column: `@Column(name = "x"`, `@TableField("x"`, `@TableField(value = "x"`.
export const JAVA_COLUMN_ANNOTATION =
  /@(?:Column|TableField|JoinColumn|TableId)\(\s{0,4}(?:(?:name|value)\s{0,4}=\s{0,4})?["']$/;
// Rails form builders: `f.text_field :x`, `f.password_field :x`, SimpleForm `f.input :x`, the
// `_tag` helpers (`text_field_tag :x`) and the object helpers, which name the object first
// (`text_field :mws, :secret_key`); a label (`f.label :x`, `label :mws, :x`) names the input.
export const RAILS_FORM_INPUT =
  /(?:\b\w{1,20}\.(?:text_field|password_field|text_area|hidden_field|email_field|input)|\b(?:text_field|password_field|hidden_field|text_area)_tag|(?:^|[\s=(])(?:text_field|password_field|hidden_field|text_area)\s{0,4}\(?\s{0,4}:\w{1,40}\s{0,4},\s{0,4})\s{0,4}\(?\s{0,4}:$/;
export const RAILS_FORM_LABEL =
  /\b\w{1,20}\.label\s{0,4}\(?\s{0,4}:$|(?:^|[\s=(])label\s{0,4}\(?\s{0,4}:\w{1,40}\s{0,4},\s{0,4}:$/;
// The object a getter by name reads from (`shop.get(`, `row.getString(`), up to the call's paren.
export const GETTER_CHAIN = /(\$?[A-Za-z_][\w.]{0,60})\.(?:get|getString|optString|getStr|fetch)\(\s{0,4}$/;

// An ORM entity's class annotation: JPA/Hibernate `@Entity` and `@Table(`, MyBatis-Plus
// `@TableName(`, Spring Data `@Document(`, TypeORM `@Entity(`, EF `[Table("…")]`, Doctrine
// `@ORM\Entity` and `#[ORM\Entity]`, Drupal's `@ConfigEntityType(` and `#[ConfigEntityType(` (a
// config entity's properties are its stored configuration, one per entity: a commerce store; a
// content entity's stored fields are its `baseFieldDefinitions`, not its properties).
const ENTITY_ANNOTATION =
  /@(?:Entity|Table|TableName|Document|ConfigEntityType)\b|#\[ConfigEntityType\b|\[Table\(|\bORM\\(?:Entity|Table)\b/;
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

// Laravel / Rails / JS validation rules as a string: the field is submitted by a form.
export const VALIDATION_RULES = /^["'](?:required|nullable|sometimes|bail)(?:\|[^"'|\n]{1,60}){0,8}["']$/;
// An INSERT's column list in a quoted string, up to a column name.
export const QUOTED_INSERT = /["'`]\s*insert\s+into\s+[\w."`[\]]{1,64}\s*\([^;()"'`]{0,200}$/i;
// An input's value read from the program's configuration or options store: `value="<?php echo
// $amzConfig['X'] ?>"`, `value="' . get_option('x') . '"`, Laravel `value="{{ old('x',
// $platform->getSetting('x')) }}"`. The object a setting is read from is named before the call.
const CONFIG_SHOWN =
  /\bvalue\s*=\s*(?:"[^"\n]{0,80}?|'[^'\n]{0,80}?|\{[^}\n]{0,80}?)(?:([$\w]{1,40})(?:->|\.))?(?:\w{0,20}config\w{0,20}|get_option|options|\w{0,20}settings?)\s*[[(]/i;

/**
 * True when an input's attributes after its name show the program's own settings (CONFIG_SHOWN):
 * not when the setting is read from a seller's record (`$store->getSetting('secret_key')` edits
 * that store's row).
 */
export function showsOwnSettings(after: string): boolean {
  const m = CONFIG_SHOWN.exec(after);
  return m !== null && (m[1] === undefined || !isSellerHolder(m[1]));
}
// The same as a list: `'secret_key' => ['required', 'string', 'max:64']`.
export const VALIDATION_LIST = /^\[\s*["'](?:required|nullable|sometimes|bail|filled|present)\b/;
// Form builders that name an input: Laravel Collective `Form::password('secret_key', …)` and the
// macros apps build on it (Akaunting's `Form::textGroup('client_secret', …)`, `Form::passwordGroup`),
// CodeIgniter `form_input('secret_key', …)`, CakePHP `$this->Form->control('secret_key')`.
export const FORM_HELPER =
  /(?:\bForm::(?:text|password|input|hidden|textarea|email)(?:Group|Field|Input)?|\bform_(?:input|password|hidden|textarea)|\$this->Form->(?:control|input|text|password|textarea|hidden))\(\s*["']$/;
// A form control made in code: Angular `FormBuilder.group({ secretKey: ['', Validators.required] })`,
// `new FormControl('')`, `this.fb.control(null)`. Its value is what a person types in.
export const FORM_CONTROL =
  /^(?:\[\s*(?:(?:''|""|null|undefined)\s*)?[,\]]|new\s+(?:Untyped)?FormControl\b|(?:this\.)?(?:fb|formBuilder|builder)\.(?:nonNullable\.)?control\()/;
// A form input bound to a model property, the name after it: ASP.NET MVC Razor
// `@Html.TextBoxFor(m => m.SecretKey)`, `@Html.EditorFor(model => model.SecretKey)`.
export const RAZOR_INPUT = /\bHtml\.(?:TextBox|Password|Editor|TextArea|Hidden)For\(\s*(\w{1,20})\s*=>\s*\1\.$/;
// An Entity Framework fluent mapping declares a column of the entity configured around it:
// `entity.Property(e => e.AwsSecretAccessKey).HasColumnName(…)` in `modelBuilder.Entity<Shop>(entity => {…})`.
// A Django migration adds a column to a model: `migrations.AddField(model_name="shop", name="secret_key", …)`.
// The model's name is the record's: the fields a migration adds to one model are one row.
export const DJANGO_ADD_FIELD =
  /\b(?:AddField|AlterField)\(\s*model_name\s*=\s*["'](\w{1,64})["']\s*,\s*name\s*=\s*["']$/;
export const EF_PROPERTY = /\.Property\(\s*(\w{1,20})\s*=>\s*\1\.$/;
// What makes such a mapping a column's declaration: its name, size or type. A mapping that only
// converts a property (`.HasConversion(new EncryptedStringConverter())`) configures a class
// declared elsewhere, which is the record.
export const EF_COLUMN = /^\s*\)\s*\.(?:HasColumnName|HasMaxLength|HasColumnType|IsRequired)\b/;
// The attribute that names a form input's field: HTML `name=`, Angular `formControlName=` and
// `[(ngModel)]=`, Vue `v-model=`, ASP.NET `asp-for=`, Thymeleaf `th:field="*{…}"`, Spring's
// `<form:input path=…>`, Livewire `wire:model=`, Alpine `x-model=`.
export const FORM_ATTRIBUTE =
  /(?:\b(?:name|id|formControlName|v-model|ng-model|field|column|value|asp-for|th:field|path|wire:model(?:\.\w{1,10}){0,2}|x-model)|\[\(ngModel\)\])\s*=\s*["'{][^"']{0,40}$/i;
// A Drupal Form API element's type after its key (`'] = [ '#type' => 'password'`): an input a person fills in.
export const DRUPAL_ELEMENT = /^["']\]\s*=\s*\[\s*["']#type["']\s*=>\s*["'](?:textfield|password|textarea)["']/;

// A class member's declaration up to its name: one to four modifiers, then its type
// (`private readonly string `, `public static List<String> `, `protected String[] `).
export const MEMBER_DECLARATION =
  /^\s{0,40}(?:(?:public|private|protected|internal|readonly|static|final|transient|volatile)\s{1,4}){1,4}[\w.]{1,60}(?:<[\w.,\s<>?]{0,60}>)?(?:\[\])?\??\s{1,4}$/;
