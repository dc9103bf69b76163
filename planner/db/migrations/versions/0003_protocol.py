"""Protocol: visa status per member, personal details for visa applications, gifts and seating plans.

The person gets sex, date and place of birth and the passport's issue date;
existing people get empty values (a server default, for the rows already there).

Revision ID: 0003_protocol
Revises: 0002_issued_versions
Create Date: 2026-11-24 12:00:00.000000
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa


revision = '0003_protocol'
down_revision = '0002_issued_versions'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('visa',
    sa.Column('membership_id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('applied_on', sa.Date(), nullable=True),
    sa.Column('granted_on', sa.Date(), nullable=True),
    sa.Column('valid_until', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['membership_id'], ['membership.id'], name=op.f('fk_visa_membership_id_membership'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('membership_id', name=op.f('pk_visa'))
    )
    op.create_table('gift',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('direction', sa.String(length=16), nullable=False),
    sa.Column('description', sa.JSON(), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=True),
    sa.Column('counterpart', sa.String(length=400), nullable=False),
    sa.Column('value_cents', sa.Integer(), nullable=True),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['item_id'], ['programme_item.id'], name=op.f('fk_gift_item_id_programme_item'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['member_id'], ['membership.id'], name=op.f('fk_gift_member_id_membership'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_gift'))
    )
    with op.batch_alter_table('gift', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_gift_item_id'), ['item_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_gift_member_id'), ['member_id'], unique=False)

    op.create_table('seating_plan',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('arrangement', sa.String(length=16), nullable=False),
    sa.ForeignKeyConstraint(['item_id'], ['programme_item.id'], name=op.f('fk_seating_plan_item_id_programme_item'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_seating_plan')),
    sa.UniqueConstraint('item_id', name=op.f('uq_seating_plan_item_id'))
    )
    op.create_table('seat_assignment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('membership_id', sa.Integer(), nullable=False),
    sa.Column('side', sa.String(length=8), nullable=False),
    sa.Column('place', sa.Integer(), nullable=False),
    sa.Column('behind', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['membership_id'], ['membership.id'], name=op.f('fk_seat_assignment_membership_id_membership'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['plan_id'], ['seating_plan.id'], name=op.f('fk_seat_assignment_plan_id_seating_plan'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_seat_assignment')),
    sa.UniqueConstraint('plan_id', 'membership_id', name=op.f('uq_seat_assignment_plan_id'))
    )
    with op.batch_alter_table('seat_assignment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_seat_assignment_membership_id'), ['membership_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_seat_assignment_plan_id'), ['plan_id'], unique=False)

    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.add_column(sa.Column('sex', sa.String(length=8), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('birth_date', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('birth_place', sa.String(length=200), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('passport_issued', sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.drop_column('passport_issued')
        batch_op.drop_column('birth_place')
        batch_op.drop_column('birth_date')
        batch_op.drop_column('sex')

    with op.batch_alter_table('seat_assignment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_seat_assignment_plan_id'))
        batch_op.drop_index(batch_op.f('ix_seat_assignment_membership_id'))

    op.drop_table('seat_assignment')
    op.drop_table('seating_plan')
    with op.batch_alter_table('gift', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_gift_member_id'))
        batch_op.drop_index(batch_op.f('ix_gift_item_id'))

    op.drop_table('gift')
    op.drop_table('visa')
